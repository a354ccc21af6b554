/** Python's io module: in-memory files (StringIO, BytesIO) and the classes open() returns. */
import { ValueError } from "./errors";
import { BufferedFile, checkBytes, checkOpen, lineEnd, readEnd } from "./pyfile";
import { objectRepr } from "./pyrepr";

/**
 * Python's io.StringIO: an in-memory text file, as tutorials hand CSV text to `pd.read_csv` or
 * collect `df.to_csv(buf)` output.
 * @example const buf = io.StringIO("a,b\n1,2\n"); pd.read_csv(buf)
 */
export class StringIO {
  private text: string;
  private at = 0;

  constructor(initial_value = "") {
    this.text = initial_value;
  }

  /** The rest of the text from the current position (all of it for a fresh buffer), the position moved to its end. */
  read(size = -1): string {
    const end = size < 0 ? this.text.length : Math.min(this.text.length, this.at + size);
    const out = this.text.slice(this.at, end);
    this.at = end;
    return out;
  }

  /** Writes at the current position (overwriting what is there), returning the number of characters written. */
  write(s: string): number {
    this.text = this.text.slice(0, this.at) + s + this.text.slice(this.at + s.length);
    this.at += s.length;
    return s.length;
  }

  /** The whole text, wherever the position is. */
  getvalue(): string {
    return this.text;
  }

  seek(offset: number): number {
    this.at = Math.max(0, Math.min(offset, this.text.length));
    return this.at;
  }

  tell(): number {
    return this.at;
  }

  __repr__(): string {
    return "<_io.StringIO object>";
  }
}

/** A memoryview of a BytesIO's bytes: `len(buf.getbuffer())` and `buf.getbuffer().nbytes` are its size. */
export type BytesView = Uint8Array & { readonly nbytes: number };

/**
 * Python's io.BytesIO: an in-memory binary file, as tutorials measure a model's size or round-trip a
 * checkpoint without touching the disk (`torch.save(model.state_dict(), buf)`, `buf.seek(0)`,
 * `torch.load(buf)`) or decode an image from bytes (`Image.open(io.BytesIO(data))`). Bytes are Uint8Arrays.
 * @example const buf = io.BytesIO(); torch.save(net.state_dict(), buf); print(buf.getbuffer().nbytes)
 */
export class BytesIO {
  private bytes: Uint8Array;
  private size: number;
  private at = 0;
  private isClosed = false;

  constructor(initial_bytes: Uint8Array | null = null) {
    if (initial_bytes !== null) checkBytes(initial_bytes);
    this.bytes = initial_bytes === null ? new Uint8Array(64) : Uint8Array.from(initial_bytes);
    this.size = initial_bytes === null ? 0 : initial_bytes.length;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  private check(): void {
    checkOpen(this.isClosed);
  }

  /** At most `size` bytes from the position (the rest when size is left out or negative). */
  read(size: number | null = -1): Uint8Array {
    this.check();
    const end = readEnd(this.size, this.at, size);
    const out = this.bytes.slice(Math.min(this.at, end), end);
    this.at = Math.max(this.at, end);
    return out;
  }

  /** One line, its `\n` kept (empty at the end). */
  readline(size: number | null = -1): Uint8Array {
    this.check();
    return this.read(lineEnd(this.bytes.subarray(0, this.size), this.at, size) - this.at);
  }

  readlines(): Uint8Array[] {
    const lines: Uint8Array[] = [];
    for (let line = this.readline(); line.length > 0; line = this.readline()) lines.push(line);
    return lines;
  }

  /** Writes at the position (over what is there, past the end with zeros between), returning how many bytes. */
  write(b: Uint8Array): number {
    this.check();
    checkBytes(b);
    const end = this.at + b.length;
    if (end > this.bytes.length) {
      const grown = new Uint8Array(Math.max(end, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.size));
      this.bytes = grown;
    }
    this.bytes.set(b, this.at);
    this.size = Math.max(this.size, end);
    this.at = end;
    return b.length;
  }

  /** All the bytes, wherever the position is. */
  getvalue(): Uint8Array {
    this.check();
    return this.bytes.slice(0, this.size);
  }

  /** The bytes as a view (Python's memoryview): its length and `nbytes` are the buffer's size. */
  getbuffer(): BytesView {
    this.check();
    const view = this.bytes.subarray(0, this.size);
    return Object.defineProperty(view, "nbytes", { value: view.length, enumerable: false }) as BytesView;
  }

  /** Moves the position: from the start (whence 0), the position (1) or the end (2); returns the new one. */
  seek(offset: number, whence = 0): number {
    this.check();
    if (whence !== 0 && whence !== 1 && whence !== 2) throw new ValueError(`invalid whence (${whence}, should be 0, 1 or 2)`);
    if (whence === 0 && offset < 0) throw new ValueError(`negative seek value ${offset}`);
    this.at = Math.max(0, (whence === 0 ? 0 : whence === 1 ? this.at : this.size) + offset);
    return this.at;
  }

  tell(): number {
    this.check();
    return this.at;
  }

  readable(): boolean {
    this.check();
    return true;
  }

  writable(): boolean {
    this.check();
    return true;
  }

  seekable(): boolean {
    this.check();
    return true;
  }

  flush(): void {
    this.check();
  }

  close(): void {
    this.isClosed = true;
  }

  /** `with io.BytesIO() as buf:` spelled by hand. */
  __enter__(): this {
    this.check();
    return this;
  }

  __exit__(): boolean {
    this.close();
    return false;
  }

  __repr__(): string {
    return objectRepr(this, "_io.BytesIO");
  }

  toString(): string {
    return this.__repr__();
  }
}

/** Whether `f` is a binary file object (a file opened 'rb' / 'wb', an io.BytesIO), which torch.save, torch.load and Image.open use as such, not a path. */
export function isBinaryFile(f: unknown): f is BufferedFile | BytesIO {
  return f instanceof BufferedFile || f instanceof BytesIO;
}

/** The classes `open()` returns, and its io.UnsupportedOperation (src/pyfile.ts). */
export { TextIOWrapper, BufferedFile, UnsupportedOperation } from "./pyfile";
