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

/** The classes `open()` returns, and its io.UnsupportedOperation (src/pyfile.ts). */
export { TextIOWrapper, BufferedFile, UnsupportedOperation } from "./pyfile";
