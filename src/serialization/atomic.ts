/**
 * Writes a user's file so that nothing saved before is lost: the bytes go to a temporary file in the
 * target's folder, which is fsynced and renamed over the target only once it is complete. A write
 * that fails halfway (a full disk, a closed share) or a cell stopped by the stop button halfway
 * leaves the previous file as it was and no temporary behind: a failure removes it at once, a
 * SIGINT (which runs no `catch`) through the scope it registers (src/backend/scopes.ts), which the
 * kernel unwinds after the stopped cell.
 */
import * as fs from "fs";
import * as path from "path";
import * as crypto from "crypto";
import { enter, leave } from "../backend/scopes";

/** The temporary name of a write of `target` by this process: `.name.<pid>.<8 hex>.tmp` beside it. */
export function temporaryFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
}

function discard(fd: number | null, tmp: string): void {
  try {
    if (fd !== null) fs.closeSync(fd);
  } catch {
    // already closed
  }
  try {
    fs.unlinkSync(tmp);
  } catch {
    // the temporary may not exist (its open failed)
  }
}

/**
 * Replaces `target` by `data` atomically (see the header). Throws the file system's error after
 * cleaning up; `target` is then untouched.
 */
export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const tmp = temporaryFor(target);
  let fd: number | null = null;
  let renamed = false;
  const scope = enter(() => {
    if (!renamed) discard(fd, tmp);
  });
  try {
    fd = fs.openSync(tmp, "wx", 0o644);
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, target);
    renamed = true;
  } finally {
    leave(scope);
  }
}
