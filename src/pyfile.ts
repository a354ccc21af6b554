/**
 * Python's built-in `open()`, as tutorials read their text data and write their logs:
 * `open('names.txt', 'r').read().splitlines()` (makemore), `open(path, encoding='utf-8').read()`,
 * `for (const line of open(path)) ...`, `f = open('log.txt', 'w'); f.write(...); f.close()`,
 * `json.load(open('config.json'))`, and `open(path, 'rb')` / `'wb'` for bytes.
 *
 * What Python 3.11 does, for what a notebook sees (test/reference/gen_pyfile.py): text mode reads
 * with universal newlines (`\r\n` and `\r` read as `\n`) unless `newline=''`; `read(n)`,
 * `readline()`, `readlines()` and iteration give Python's pieces; `write` returns the number of
 * characters (bytes in binary mode); the modes r, w, a, x with t or b; Python's errors and messages
 * (FileNotFoundError, IsADirectoryError, FileExistsError, `invalid mode`, `I/O operation on closed
 * file.`, io.UnsupportedOperation `not readable` / `not writable`); and the reprs
 * `<_io.TextIOWrapper name='a.txt' mode='r' encoding='UTF-8'>`.
 *
 * A file opened to read is read whole when it is opened (a notebook's data files are read whole
 * anyway); writes go to the file as they are made, so nothing written is lost if the cell fails
 * before `close()`. Reading and writing one file (`r+`, `w+`, `a+`) is not supported: it says so.
 */
import * as fs from "fs";
import { LookupError, NotImplementedError, OSError, osError, TypeError, ValueError } from "./errors";
import { parseArgs } from "./tensor/args";
import { pyTypeName } from "./pyrepr";

/** Python's io.UnsupportedOperation: reading a file opened to write, or the other way round. */
export class UnsupportedOperation extends OSError {
  constructor(message = "") {
    super(message);
    this.name = "UnsupportedOperation";
  }
}

export interface OpenOptions {
  mode?: string;
  /** utf-8 (the default), ascii or latin-1; not in binary mode. */
  encoding?: string | null;
  /** Python's `errors`: only "strict" (the default) is supported. */
  errors?: string | null;
  /** null (universal newlines, the default), "" (no translation) or "\n". */
  newline?: string | null;
  buffering?: number;
}

const ENCODINGS: Record<string, BufferEncoding> = { "utf-8": "utf8", utf8: "utf8", ascii: "ascii", "us-ascii": "ascii", "latin-1": "latin1", latin1: "latin1", "iso-8859-1": "latin1" };

interface Mode {
  kind: "r" | "w" | "a" | "x";
  binary: boolean;
}

function parseMode(mode: unknown): Mode {
  if (typeof mode !== "string") throw new TypeError(`open() argument 'mode' must be str, not ${pyTypeName(mode)}`);
  if (mode.length === 0 || /[^rwaxbt+U]/.test(mode) || new Set(mode).size !== mode.length) throw new ValueError(`invalid mode: '${mode}'`);
  const kinds = [...mode].filter((c) => "rwax".includes(c));
  if (kinds.length !== 1) throw new ValueError("must have exactly one of create/read/write/append mode");
  if (mode.includes("b") && mode.includes("t")) throw new ValueError("can't have text and binary mode at once");
  if (mode.includes("+")) {
    throw new NotImplementedError(`open(): mode '${mode}' (reading and writing one file) is not supported: open the file once to read it and again to write it`);
  }
  return { kind: kinds[0] as Mode["kind"], binary: mode.includes("b") };
}

/** Python's ValueError for any use of a closed file (open() files and io.BytesIO). */
export function checkOpen(closed: boolean): void {
  if (closed) throw new ValueError("I/O operation on closed file.");
}

/** Python's TypeError for a binary write (or io.BytesIO's initial value) that is not bytes. */
export function checkBytes(b: unknown): asserts b is Uint8Array {
  if (!(b instanceof Uint8Array)) throw new TypeError(`a bytes-like object is required, not '${pyTypeName(b)}'`);
}

/** Where `read(size)` from position `at` of `length` items ends: at most `size` items, the rest for a missing or negative size. */
export function readEnd(length: number, at: number, size: number | null): number {
  return size === null || size < 0 ? length : Math.min(length, at + size);
}

/** Where `readline(size)` from position `at` ends: after the next `\n` (the end when none), at most `size` items. */
export function lineEnd(all: string | Uint8Array, at: number, size: number | null): number {
  const newline = typeof all === "string" ? all.indexOf("\n", at) : all.indexOf(0x0a, at);
  const end = newline < 0 ? all.length : newline + 1;
  return size === null || size < 0 ? end : Math.min(end, at + size);
}

/** What text and binary files share: the name, the mode, closing, and Python's errors for the wrong direction. */
abstract class PyFileBase<T extends string | Uint8Array> {
  readonly name: string;
  readonly mode: string;
  protected fd: number | null = null;
  protected content: T | null = null;
  protected at = 0;
  private isClosed = false;

  constructor(name: string, mode: string, kind: Mode["kind"], decode: (b: Buffer) => T) {
    this.name = name;
    this.mode = mode;
    // Node's errors are Python's here: EISDIR for a folder read or written, EEXIST for `x` on anything there.
    try {
      if (kind === "r") this.content = decode(fs.readFileSync(name));
      else this.fd = fs.openSync(name, kind === "x" ? "wx" : kind);
    } catch (e) {
      throw osError(e, name);
    }
  }

  get closed(): boolean {
    return this.isClosed;
  }

  protected source(): T {
    checkOpen(this.isClosed);
    if (this.content === null) throw new UnsupportedOperation("not readable");
    return this.content;
  }

  protected target(): number {
    checkOpen(this.isClosed);
    if (this.fd === null) throw new UnsupportedOperation("not writable");
    return this.fd;
  }

  /** `f.read()`: the rest of the file; `f.read(n)`: at most n characters (bytes in binary mode). */
  read(size: number | null = -1): T {
    const all = this.source();
    const end = readEnd(all.length, this.at, size);
    const out = all.slice(this.at, end) as T;
    this.at = end;
    return out;
  }

  /** Python's `f.readable()` and `f.writable()`. */
  readable(): boolean {
    this.open_();
    return this.content !== null;
  }

  writable(): boolean {
    this.open_();
    return this.fd !== null;
  }

  /** Nothing is buffered: writes are already in the file. */
  flush(): void {
    this.open_();
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  /** `with open(...) as f:` spelled by hand: the file itself, closed by __exit__. */
  __enter__(): this {
    this.open_();
    return this;
  }

  __exit__(): boolean {
    this.close();
    return false;
  }

  private open_(): void {
    checkOpen(this.isClosed);
  }
}

/** Python's io.TextIOWrapper: a file opened in text mode. */
export class TextIOWrapper extends PyFileBase<string> implements IterableIterator<string> {
  readonly encoding: string;
  private readonly nodeEncoding: BufferEncoding;

  constructor(file: string, mode: string, kind: Mode["kind"], encoding: string | null, newline: string | null) {
    const nodeEncoding = ENCODINGS[(encoding ?? "UTF-8").toLowerCase().replace(/_/g, "-")];
    if (nodeEncoding === undefined) throw new LookupError(`unknown encoding: ${encoding}`);
    // Universal newlines (newline=None): \r\n and \r read as \n.
    super(file, mode, kind, (b) => (newline === null ? b.toString(nodeEncoding).replace(/\r\n?/g, "\n") : b.toString(nodeEncoding)));
    this.encoding = encoding ?? "UTF-8";
    this.nodeEncoding = nodeEncoding;
  }

  /** The next line with its `\n` (the last one may have none); '' at the end of the file. */
  readline(size: number | null = -1): string {
    const all = this.source();
    const end = lineEnd(all, this.at, size);
    const out = all.slice(this.at, end);
    this.at = end;
    return out;
  }

  /** Every remaining line, each with its `\n`. */
  readlines(): string[] {
    const out: string[] = [];
    for (let line = this.readline(); line !== ""; line = this.readline()) out.push(line);
    return out;
  }

  /** Writes `s`, returning the number of characters written. */
  write(s: string): number {
    const fd = this.target();
    if (typeof s !== "string") throw new TypeError(`write() argument must be str, not ${pyTypeName(s)}`);
    fs.writeSync(fd, Buffer.from(s, this.nodeEncoding));
    return s.length;
  }

  /** Writes each string as it is (no newlines added, as Python's). */
  writelines(lines: Iterable<string>): void {
    for (const line of lines) this.write(line);
  }

  /** A file is its own iterator over its lines, as Python's: `next(f)`, `for (const line of f)`. */
  next(): IteratorResult<string> {
    const line = this.readline();
    return line === "" ? { value: undefined, done: true } : { value: line, done: false };
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this;
  }

  __repr__(): string {
    return `<_io.TextIOWrapper name='${this.name}' mode='${this.mode}' encoding='${this.encoding}'>`;
  }

  toString(): string {
    return this.__repr__();
  }
}

/** Python's io.BufferedReader / BufferedWriter: a file opened in binary mode, read as bytes (a Uint8Array). */
export class BufferedFile extends PyFileBase<Uint8Array> {
  constructor(file: string, mode: string, kind: Mode["kind"]) {
    super(file, mode, kind, (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
  }

  /** Writes the bytes, returning how many were written. */
  write(b: Uint8Array): number {
    const fd = this.target();
    checkBytes(b);
    fs.writeSync(fd, b);
    return b.length;
  }

  __repr__(): string {
    return `<_io.${this.content !== null ? "BufferedReader" : "BufferedWriter"} name='${this.name}'>`;
  }

  toString(): string {
    return this.__repr__();
  }
}

/**
 * Python's `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None)`.
 * @example const words = open("names.txt", "r").read().splitlines()
 * @example const f = open("log.txt", "w"); f.write(`epoch ${e}\n`); f.close()
 */
export function open<M extends string = "r">(file: string, mode?: M | OpenOptions, options?: OpenOptions): M extends `${string}b${string}` ? BufferedFile : TextIOWrapper;
export function open(...args: unknown[]): TextIOWrapper | BufferedFile {
  const o = parseArgs("open", args, ["file", "mode", "buffering", "encoding", "errors", "newline"]);
  const file = o.file;
  if (typeof file !== "string") throw new TypeError(`expected str, bytes or os.PathLike object, not ${pyTypeName(file)}`);
  const modeText = (o.mode ?? "r") as string;
  const mode = parseMode(modeText);
  const encoding = (o.encoding ?? null) as string | null;
  const newline = (o.newline ?? null) as string | null;
  if (o.errors !== undefined && o.errors !== null && o.errors !== "strict") {
    throw new NotImplementedError(`open(): errors='${String(o.errors)}' is not supported; only 'strict' (the default)`);
  }
  if (mode.binary) {
    if (encoding !== null) throw new ValueError("binary mode doesn't take an encoding argument");
    if (newline !== null) throw new ValueError("binary mode doesn't take a newline argument");
    return new BufferedFile(file, modeText, mode.kind);
  }
  if (newline !== null && newline !== "" && newline !== "\n") throw new ValueError(`illegal newline value: ${newline}`);
  return new TextIOWrapper(file, modeText, mode.kind, encoding, newline);
}
