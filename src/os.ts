/**
 * Python's `os` and `os.path` as a notebook uses them for files: `os.path.join(root, "model.pt")`,
 * `os.path.exists(path)`, `os.path.splitext(name)`, `os.makedirs(d, exist_ok=True)`, `os.listdir(d)`.
 * The path functions are Python's posixpath, string for string (no normalising: `join("a", "../b")` is
 * `'a/../b'`, where Node's path.join gives `'b'`).
 */
import * as fs from "fs";
import { FileExistsError, noSuchFile } from "./errors";
import { asPyTuple } from "./pyrepr";

/** Python's os.path (posixpath). */
export const path = {
  sep: "/",

  /** `join(a, *p)`: each part after a separator; an absolute part starts again from it. */
  join(a: string, ...p: string[]): string {
    let out = a;
    for (const b of p) {
      if (b.startsWith("/")) out = b;
      else if (out === "" || out.endsWith("/")) out += b;
      else out += "/" + b;
    }
    return out;
  },

  /** The part after the last `/`. */
  basename(p: string): string {
    return p.slice(p.lastIndexOf("/") + 1);
  },

  /** The part before the last `/`, without trailing slashes (unless it is all slashes). */
  dirname(p: string): string {
    const head = p.slice(0, p.lastIndexOf("/") + 1);
    return head !== "" && !/^\/+$/.test(head) ? head.replace(/\/+$/, "") : head;
  },

  /** `(dirname, basename)`. */
  split(p: string): [string, string] {
    return asPyTuple([path.dirname(p), path.basename(p)]);
  },

  /** `(root, ext)`: the extension from the last dot of the last part (a name's leading dots are no extension). */
  splitext(p: string): [string, string] {
    const sepIndex = p.lastIndexOf("/");
    const dotIndex = p.lastIndexOf(".");
    if (dotIndex > sepIndex) {
      for (let i = sepIndex + 1; i < dotIndex; i++) if (p[i] !== ".") return asPyTuple([p.slice(0, dotIndex), p.slice(dotIndex)]);
    }
    return asPyTuple([p, ""]);
  },

  exists(p: string): boolean {
    return fs.existsSync(p);
  },

  isfile(p: string): boolean {
    return fs.existsSync(p) && fs.statSync(p).isFile();
  },

  isdir(p: string): boolean {
    return fs.existsSync(p) && fs.statSync(p).isDirectory();
  },

  isabs(p: string): boolean {
    return p.startsWith("/");
  },

  getsize(p: string): number {
    if (!fs.existsSync(p)) throw noSuchFile(p);
    return fs.statSync(p).size;
  },
};

/** The current working directory. */
export function getcwd(): string {
  return process.cwd();
}

/** The names in a directory, in the file system's order as Python's (not sorted). */
export function listdir(p = "."): string[] {
  if (!fs.existsSync(p)) throw noSuchFile(p);
  return fs.readdirSync(p);
}

/** `makedirs(name, exist_ok=False)`: the directory and its parents; an existing one is FileExistsError unless exist_ok. */
export function makedirs(name: string, exist_ok: boolean | { exist_ok?: boolean } = false): void {
  const ok = typeof exist_ok === "object" ? exist_ok.exist_ok ?? false : exist_ok;
  if (fs.existsSync(name)) {
    if (ok && fs.statSync(name).isDirectory()) return;
    throw new FileExistsError(`[Errno 17] File exists: '${name}'`);
  }
  fs.mkdirSync(name, { recursive: true });
}
