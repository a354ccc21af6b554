/**
 * The archive formats torchvision's datasets arrive in: .gz (MNIST's IDX files), .tar.gz / .tgz /
 * .tar (CIFAR) and .zip (EMNIST), unpacked synchronously with node's zlib. Every member is written
 * to a temporary name and renamed, so an interrupted extraction never leaves a file that looks
 * complete, and a member whose path would leave the target folder is refused.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { RuntimeError } from "../../errors";

function writeAtomic(file: string, data: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.part`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

function inside(root: string, member: string, archive: string): string {
  const target = path.resolve(root, member);
  if (target !== path.resolve(root) && !target.startsWith(path.resolve(root) + path.sep)) {
    throw new RuntimeError(`${archive}: member '${member}' would be written outside '${root}'; refusing to extract`);
  }
  return target;
}

function gunzip(file: string, buf: Uint8Array): Buffer {
  try {
    return zlib.gunzipSync(buf);
  } catch (e) {
    throw new RuntimeError(`${file}: corrupt gzip data (${(e as Error).message})`);
  }
}

/** The members of a POSIX/GNU tar stream, written under `to`. */
function untar(archive: string, buf: Buffer, to: string): string[] {
  const written: string[] = [];
  let longName: string | null = null;
  for (let off = 0; off + 512 <= buf.length; ) {
    const header = buf.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, len: number) => header.subarray(start, start + len).toString("latin1").replace(/\0.*$/s, "");
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = null;
    const body = off + 512;
    if (!Number.isFinite(size) || body + size > buf.length) throw new RuntimeError(`${archive}: truncated tar archive (member '${name}' needs ${size} bytes past offset ${body}, the archive has ${buf.length})`);
    const data = buf.subarray(body, body + size);
    off = body + Math.ceil(size / 512) * 512;
    if (type === "L") {
      longName = data.toString("latin1").replace(/\0.*$/s, "");
      continue;
    }
    name = name.replace(/^\.\//, "");
    if (type === "5") {
      fs.mkdirSync(inside(to, name, archive), { recursive: true });
    } else if (type === "0" || type === "7") {
      const target = inside(to, name, archive);
      writeAtomic(target, data);
      written.push(target);
    }
    // Links, pax headers and devices carry nothing torchvision's data sets need.
  }
  return written;
}

let crcTable: Int32Array | null = null;
function crc32(buf: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = crcTable[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The members of a zip file (stored or deflated; no zip64: EMNIST's 562 MB archive needs none). */
function unzip(archive: string, to: string): string[] {
  const fd = fs.openSync(archive, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const tailLen = Math.min(size, 65557);
    const tail = Buffer.alloc(tailLen);
    fs.readSync(fd, tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new RuntimeError(`${archive} is not a zip file (no end-of-central-directory record)`);
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || count === 0xffff) throw new RuntimeError(`${archive}: zip64 archives are not supported`);
    const cd = Buffer.alloc(cdSize);
    fs.readSync(fd, cd, 0, cdSize, cdOffset);
    const written: string[] = [];
    for (let p = 0, i = 0; i < count; i++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new RuntimeError(`${archive}: corrupt zip central directory (entry ${i})`);
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      const compSize = cd.readUInt32LE(p + 20);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const local = cd.readUInt32LE(p + 42);
      const name = cd.subarray(p + 46, p + 46 + nameLen).toString("utf8");
      p += 46 + nameLen + extraLen + commentLen;
      const target = inside(to, name, archive);
      if (name.endsWith("/")) {
        fs.mkdirSync(target, { recursive: true });
        continue;
      }
      const lh = Buffer.alloc(30);
      fs.readSync(fd, lh, 0, 30, local);
      if (lh.readUInt32LE(0) !== 0x04034b50) throw new RuntimeError(`${archive}: corrupt local header of '${name}'`);
      const start = local + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
      if (start + compSize > size) throw new RuntimeError(`${archive} is truncated: '${name}' needs ${compSize} bytes at offset ${start}, the file has ${size}`);
      const comp = Buffer.alloc(compSize);
      fs.readSync(fd, comp, 0, compSize, start);
      let data: Buffer;
      if (method === 0) data = comp;
      else if (method === 8) {
        try {
          data = zlib.inflateRawSync(comp);
        } catch (e) {
          throw new RuntimeError(`${archive}: corrupt deflate data in '${name}' (${(e as Error).message})`);
        }
      } else throw new RuntimeError(`${archive}: '${name}' uses compression method ${method} (only stored and deflated members are supported)`);
      if (crc32(data) !== crc) throw new RuntimeError(`${archive}: CRC mismatch in '${name}' (corrupt archive)`);
      writeAtomic(target, data);
      written.push(target);
    }
    return written;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * torchvision's extract_archive: unpacks `from_path` (.tar, .tar.gz, .tgz, .zip, or a single .gz)
 * into `to_path` (default: its folder) and returns the paths written.
 */
export function extract_archive(from_path: string, to_path: string | null = null, remove_finished = false): string[] {
  const to = to_path ?? path.dirname(from_path);
  const lower = from_path.toLowerCase();
  let written: string[];
  if (lower.endsWith(".zip")) {
    written = unzip(from_path, to);
  } else if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
    written = untar(from_path, gunzip(from_path, fs.readFileSync(from_path)), to);
  } else if (lower.endsWith(".tar")) {
    written = untar(from_path, fs.readFileSync(from_path), to);
  } else if (lower.endsWith(".gz")) {
    const target = path.join(to, path.basename(from_path).slice(0, -3));
    writeAtomic(target, gunzip(from_path, fs.readFileSync(from_path)));
    written = [target];
  } else {
    throw new RuntimeError(`extract_archive: '${from_path}' is not a .zip, .tar, .tar.gz, .tgz or .gz file`);
  }
  if (remove_finished) fs.rmSync(from_path);
  return written;
}
