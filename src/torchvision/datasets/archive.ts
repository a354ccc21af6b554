/**
 * The archive formats torchvision's datasets arrive in: .gz (MNIST's IDX files), .tar.gz / .tgz /
 * .tar (CIFAR) and .zip (EMNIST, with the zip reader torch.load uses), unpacked synchronously with
 * node's zlib. Every member is written
 * to a temporary name and renamed, so an interrupted extraction never leaves a file that looks
 * complete, and a member whose path would leave the target folder is refused.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { RuntimeError } from "../../errors";
import { writeFileAtomic } from "../../serialization/atomic";
import { ZipReader, ZipFormatError, zipFileSource } from "../../serialization/zip";

function writeAtomic(file: string, data: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, data);
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

/** The members of a zip file (stored or deflated, zip64 too), read piece by piece from the file. */
function unzip(archive: string, to: string): string[] {
  const fd = fs.openSync(archive, "r");
  try {
    const written: string[] = [];
    try {
      const zip = new ZipReader(zipFileSource(fd));
      for (const name of zip.names()) {
        const target = inside(to, name, archive);
        if (name.endsWith("/")) {
          fs.mkdirSync(target, { recursive: true });
          continue;
        }
        writeAtomic(target, zip.read(name));
        written.push(target);
      }
    } catch (e) {
      if (e instanceof ZipFormatError) throw new RuntimeError(`${archive}: ${e.message}`);
      throw e;
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
