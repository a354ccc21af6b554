/**
 * NumPy's files: `np.save` / `np.load` of `.npy` (format 1.0, byte for byte what NumPy 1.24 writes: the
 * header dict with its growth padding, aligned to 64 bytes, then the little-endian values) and
 * `np.savez` / `np.load` of `.npz` (a zip of `.npy` members, stored uncompressed with NumPy's zip64
 * extra field and 1980 timestamps, so the archive is NumPy's byte for byte too; a deflated member of
 * `savez_compressed` loads through zlib).
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { FileNotFoundError, KeyError, osError, TypeError, ValueError } from "../errors";
import * as D from "../tensor/dtype";
import { ndarray } from "../tensor/ndarray";
import * as N from "./core";
import { writeFileAtomic } from "../serialization/atomic";
import { PYTHON_ZIP64_LAYOUT, writeZip, ZIP32_LIMIT, ZipFormatError, ZipReader } from "../serialization/zip";

/** Each dtype's `descr` in the header. */
const DESCR: [D.dtype, string][] = [
  [D.float64, "<f8"],
  [D.float32, "<f4"],
  [D.int64, "<i8"],
  [D.int32, "<i4"],
  [D.int16, "<i2"],
  [D.int8, "|i1"],
  [D.uint8, "|u1"],
  [D.bool, "|b1"],
];

const MAGIC = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);

/** The .npy bytes of `a` (NumPy's `format.write_array`, version 1.0). */
export function npyBytes(a: ndarray): Buffer {
  const descr = DESCR.find(([d]) => d === a._dtype)?.[1];
  if (descr === undefined) throw new TypeError(`np.save: no .npy type for dtype ${a._dtype}`);
  const shape = a.shape.length === 1 ? `(${a.shape[0]},)` : `(${a.shape.join(", ")})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  // NumPy leaves room for the first axis to grow in place (GROWTH_AXIS_MAX_DIGITS = 21).
  if (a.shape.length > 0) header += " ".repeat(21 - String(a.shape[0]).length);
  const hlen = header.length + 1;
  const pad = 64 - ((MAGIC.length + 2 + 2 + hlen) % 64);
  const head = Buffer.alloc(10);
  MAGIC.copy(head);
  head[6] = 1;
  head[7] = 0;
  head.writeUInt16LE(hlen + pad, 8);
  const values = a.data as ArrayLike<number>;
  const n = a.size;
  const body = Buffer.alloc(n * a._dtype.itemsize);
  for (let i = 0; i < n; i++) {
    const v = Number(values[i]);
    switch (descr) {
      case "<f8": body.writeDoubleLE(v, i * 8); break;
      case "<f4": body.writeFloatLE(v, i * 4); break;
      case "<i8": body.writeBigInt64LE(BigInt(Math.trunc(v)), i * 8); break;
      case "<i4": body.writeInt32LE(v, i * 4); break;
      case "<i2": body.writeInt16LE(v, i * 2); break;
      case "|i1": body.writeInt8(v, i); break;
      default: body.writeUInt8(v ? (descr === "|b1" ? 1 : v) : 0, i);
    }
  }
  return Buffer.concat([head, Buffer.from(header + " ".repeat(pad) + "\n", "latin1"), body]);
}

/** An array from .npy bytes (any of the dtypes above, either byte order, C or Fortran order). */
export function fromNpy(buf: Buffer, name = "file"): ndarray {
  if (buf.length < 10 || !buf.subarray(0, 6).equals(MAGIC)) throw new ValueError(`the magic string is not correct; expected b'\\x93NUMPY', got ${JSON.stringify(buf.subarray(0, 6).toString("latin1"))}`);
  const major = buf[6];
  const hlen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = buf.subarray(start, start + hlen).toString(major === 3 ? "utf8" : "latin1");
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*True/.test(header);
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || shapeText === undefined) throw new ValueError(`Cannot parse header of ${name}: ${header.trim()}`);
  const shape = shapeText.split(",").map((s) => s.trim()).filter((s) => s !== "").map(Number);
  const little = descr[0] !== ">";
  const kind = descr.slice(1);
  const known: Record<string, [D.dtype, number]> = { f8: [D.float64, 8], f4: [D.float32, 4], i8: [D.int64, 8], i4: [D.int32, 4], i2: [D.int16, 2], i1: [D.int8, 1], u1: [D.uint8, 1], b1: [D.bool, 1] };
  if (!(kind in known)) throw new ValueError(`np.load: the dtype '${descr}' of ${name} is not supported here (float64/32, int64/32/16/8, uint8, bool)`);
  const [dtype, size] = known[kind];
  const n = shape.reduce((p, d) => p * d, 1);
  const data = buf.subarray(start + hlen);
  if (data.length < n * size) throw new ValueError(`cannot reshape array of size ${Math.floor(data.length / size)} into shape (${shape.join(", ")})`);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = i * size;
    switch (kind) {
      case "f8": values[i] = little ? data.readDoubleLE(at) : data.readDoubleBE(at); break;
      case "f4": values[i] = little ? data.readFloatLE(at) : data.readFloatBE(at); break;
      case "i8": values[i] = Number(little ? data.readBigInt64LE(at) : data.readBigInt64BE(at)); break;
      case "i4": values[i] = little ? data.readInt32LE(at) : data.readInt32BE(at); break;
      case "i2": values[i] = little ? data.readInt16LE(at) : data.readInt16BE(at); break;
      case "i1": values[i] = data.readInt8(at); break;
      default: values[i] = data[at];
    }
  }
  if (!fortran || shape.length < 2) return N.make(values, shape, dtype);
  // Fortran order: the values are the transpose's, row-major.
  const t = N.make(values, [...shape].reverse(), dtype);
  return N.copy(t.transpose(...shape.map((_, k) => shape.length - 1 - k)));
}

/** The members of a zip (stored or deflated), CRC-checked (the reader torch.load uses). */
function unzip(buf: Buffer): Map<string, Buffer> {
  try {
    const zip = new ZipReader(buf);
    return new Map(zip.names().map((name) => [name, zip.read(name)]));
  } catch (e) {
    if (e instanceof ZipFormatError) throw new ValueError(`np.load: ${e.message}`);
    throw e;
  }
}

/**
 * What np.load gives for a `.npz`: the arrays by name (`data['x']`, `data.files`, `for (const k of data)`),
 * read when first asked for.
 */
export class NpzFile {
  /** The arrays' names (the member names without `.npy`). */
  readonly files: string[];
  private readonly members: Map<string, Buffer>;

  /** @internal */
  constructor(members: Map<string, Buffer>) {
    this.members = members;
    this.files = [...members.keys()].map((k) => k.replace(/\.npy$/, ""));
    for (const f of this.files) {
      Object.defineProperty(this, f, { get: () => this.get(f), enumerable: false, configurable: true });
    }
  }

  /** The array named `key` (`data['x']`). */
  get(key: string): ndarray {
    const m = this.members.get(`${key}.npy`) ?? this.members.get(key);
    if (m === undefined) throw new KeyError(`${key} is not a file in the archive`);
    return fromNpy(m, key);
  }

  __getitem__(key: string): ndarray {
    return this.get(key);
  }

  keys(): string[] {
    return [...this.files];
  }

  [Symbol.iterator](): Iterator<string> {
    return this.files[Symbol.iterator]();
  }

  toString(): string {
    return "<numpy.lib.npyio.NpzFile object>";
  }
}

/** np.save(file, arr): writes `arr` as a .npy file (`.npy` added to a name without it). */
export function save(file: string, arr: unknown): void {
  if (typeof file !== "string") throw new TypeError("np.save: file must be a path");
  const path = file.endsWith(".npy") ? file : `${file}.npy`;
  writeFileAtomic(path, npyBytes(N.asarray(arr)));
}

/**
 * np.savez(file, *args, **kwds): several arrays in one uncompressed .npz (`.npz` added to a name
 * without it); positional arrays are named arr_0, arr_1, ..., keyword ones by their names.
 * @example np.savez('data.npz', {x: x, y: y})
 */
export function savez(file: string, ...arrays: unknown[]): void {
  if (typeof file !== "string") throw new TypeError("np.savez: file must be a path");
  const members: [string, Buffer][] = [];
  const last = arrays[arrays.length - 1];
  const named = last !== null && typeof last === "object" && !(last instanceof ndarray) && !Array.isArray(last) && !ArrayBuffer.isView(last) && typeof (last as { numpy?: unknown }).numpy !== "function" ? (arrays.pop() as Record<string, unknown>) : {};
  // NumPy's order: the keyword arrays, then arr_0, arr_1, ...
  for (const [k, v] of Object.entries(named)) members.push([`${k}.npy`, npyBytes(N.asarray(v))]);
  arrays.forEach((a, i) => {
    if (`arr_${i}` in named) throw new ValueError(`Cannot use un-named variables and keyword arr_${i}`);
    members.push([`arr_${i}.npy`, npyBytes(N.asarray(a))]);
  });
  const path = file.endsWith(".npz") ? file : `${file}.npz`;
  writeFileAtomic(path, writeZip(members.map(([name, data]) => ({ name, data })), 1, ZIP32_LIMIT, PYTHON_ZIP64_LAYOUT));
}

/** np.load(file): the array of a .npy file, or an NpzFile of a .npz archive. */
export function load<S extends string>(file: S): S extends `${string}.npz` ? NpzFile : ndarray;
export function load(file: string): ndarray | NpzFile {
  if (typeof file !== "string") throw new TypeError("np.load: file must be a path");
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw osError(e, file);
  }
  if (buf.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1"))) return new NpzFile(unzip(buf));
  if (buf.subarray(0, 6).equals(MAGIC)) return fromNpy(buf, file);
  throw new ValueError(`Cannot load file containing pickled data when allow_pickle=False`);
}

// ---------------------------------------------------------------- text files

interface LoadtxtOptions {
  dtype?: N.DTypeLike;
  comments?: string | null;
  delimiter?: string | null;
  skiprows?: number;
  usecols?: number | readonly number[] | null;
  unpack?: boolean;
  ndmin?: number;
}

/** NumPy opens a text file by its extension: `.gz` is gzip (NumPy also reads .bz2 / .xz, which Node's zlib cannot). */
function compression(file: string, op: string): "gzip" | null {
  if (/\.gz$/i.test(file)) return "gzip";
  if (/\.(bz2|xz|lzma)$/i.test(file)) throw new ValueError(`${op}: ${file}: torchlab reads and writes gzip (.gz) text files; .bz2 / .xz / .lzma need a decompressor Node does not have (decompress the file first)`);
  return null;
}

/** The rows of a text file's fields: comments cut, blank lines skipped, split on `delimiter` (whitespace for none). */
function textRows(file: string, skip: number, comments: string | null, delimiter: string | null | undefined, op: string): string[][] {
  const gzip = compression(file, op);
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch {
    throw new FileNotFoundError(`${file} not found.`);
  }
  let text: string;
  try {
    text = (gzip === "gzip" ? zlib.gunzipSync(raw) : raw).toString("utf8");
  } catch (e) {
    throw new ValueError(`${op}: ${file} is not a gzip file (${(e as Error).message})`);
  }
  const lines = text.split(/\r?\n/).slice(skip);
  const rows: string[][] = [];
  for (let line of lines) {
    if (comments !== null && line.includes(comments)) line = line.slice(0, line.indexOf(comments));
    if (line.trim() === "") continue;
    rows.push(delimiter === null || delimiter === undefined ? line.trim().split(/\s+/) : line.split(delimiter).map((f) => f.trim()));
  }
  return rows;
}

/** A field as NumPy's float() reads it ('nan', 'inf', '-inf' included). */
function parseField(field: string, dtype: D.dtype, row: number, column: number): number {
  const f = field.trim().toLowerCase();
  const v = f === "nan" ? NaN : f === "inf" || f === "+inf" ? Infinity : f === "-inf" ? -Infinity : f === "" ? NaN : Number(f);
  if (Number.isNaN(v) && f !== "nan") {
    throw new ValueError(dtype.is_floating_point ? `could not convert string '${field}' to float64 at row ${row}, column ${column}.` : `invalid literal for int() with base 10: '${field}'`);
  }
  if (!dtype.is_floating_point && !Number.isInteger(v)) throw new ValueError(`invalid literal for int() with base 10: '${field}'`);
  return v;
}

function textArray(rows: string[][], usecols: number | readonly number[] | null | undefined, dtype: D.dtype, ndmin: number, unpack: boolean, missing: boolean): ndarray {
  const cols = usecols === null || usecols === undefined ? null : typeof usecols === "number" ? [usecols] : [...usecols];
  const width = cols === null ? rows[0]?.length ?? 0 : cols.length;
  const values: number[] = [];
  rows.forEach((r, i) => {
    const picked = cols === null ? r : cols.map((c) => {
      const k = c < 0 ? r.length + c : c;
      if (k < 0 || k >= r.length) throw new ValueError(`invalid column index ${c} at row ${i + 1} with ${r.length} columns`);
      return r[k];
    });
    if (picked.length !== width) throw new ValueError(`the number of columns changed from ${width} to ${picked.length} at row ${i + 1}; use \`usecols\` to select a subset and avoid this error`);
    picked.forEach((f, c) => values.push(missing && f.trim() === "" ? NaN : parseField(f, dtype, i, c + 1)));
  });
  // NumPy's _ensure_ndmin_ndarray: squeezed when it has more dimensions than ndmin, then atleast_1d, or atleast_2d(...).T.
  let shape = [rows.length, width];
  if (shape.length > ndmin) shape = shape.filter((d) => d !== 1);
  if (shape.length < ndmin) shape = ndmin === 1 ? [1] : shape.length === 0 ? [1, 1] : [shape[0], 1];
  const a = N.make(values, shape, dtype);
  return unpack && a.ndim === 2 ? N.copy(a.transpose(1, 0)) : a;
}

/**
 * np.loadtxt(fname, dtype=float, comments='#', delimiter=None, skiprows=0, usecols=None, unpack=False,
 * ndmin=0): a text file of numbers as an array (float64 unless `dtype`), size-1 dimensions squeezed as
 * NumPy does.
 * @example const data = np.loadtxt('data.csv', {delimiter: ',', skiprows: 1})
 */
export function loadtxt(fname: string, options: LoadtxtOptions = {}): ndarray {
  const dtype = N.dtypeOf(options.dtype) ?? D.float64;
  const rows = textRows(fname, options.skiprows ?? 0, options.comments === undefined ? "#" : options.comments, options.delimiter, "loadtxt");
  return textArray(rows, options.usecols, dtype, options.ndmin ?? 0, options.unpack ?? false, false);
}

interface GenfromtxtOptions {
  dtype?: N.DTypeLike;
  comments?: string;
  delimiter?: string | null;
  skip_header?: number;
  usecols?: number | readonly number[] | null;
  unpack?: boolean;
}

/**
 * np.genfromtxt(fname, dtype=float, comments='#', delimiter=None, skip_header=0, usecols=None): as
 * loadtxt, a missing field read as nan.
 */
export function genfromtxt(fname: string, options: GenfromtxtOptions = {}): ndarray {
  const dtype = N.dtypeOf(options.dtype) ?? D.float64;
  const rows = textRows(fname, options.skip_header ?? 0, options.comments ?? "#", options.delimiter, "genfromtxt");
  return textArray(rows, options.usecols, dtype, 0, options.unpack ?? false, true);
}

/** Python's `%` formatting of one number for savetxt's fmt: %d, %i, %f, %e, %E, %g-free forms, with width and precision. */
function formatNumber(spec: string, v: number): string {
  const m = /^%([-+ 0]*)(\d*)(?:\.(\d+))?([difeEs])$/.exec(spec);
  if (m === null) throw new ValueError(`fmt has wrong format: '${spec}' (savetxt here takes %d, %i, %f, %e, %E, %s)`);
  const [, flags, width, prec, conv] = m;
  const p = prec === undefined ? 6 : Number(prec);
  let body: string;
  if (!Number.isFinite(v)) body = Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  else if (conv === "d" || conv === "i") body = String(Math.trunc(v));
  else if (conv === "f") body = v.toFixed(p);
  else if (conv === "s") body = String(v);
  else {
    body = v.toExponential(p).replace(/e([+-])(\d)$/, "e$10$2");
    if (conv === "E") body = body.toUpperCase();
  }
  if (flags.includes("+") && !body.startsWith("-")) body = `+${body}`;
  else if (flags.includes(" ") && !body.startsWith("-")) body = ` ${body}`;
  const w = Number(width || 0);
  if (body.length < w) body = flags.includes("-") ? body.padEnd(w) : flags.includes("0") && Number.isFinite(v) ? (body.startsWith("-") || body.startsWith("+") ? body[0] + body.slice(1).padStart(w - 1, "0") : body.padStart(w, "0")) : body.padStart(w);
  return body;
}

interface SavetxtOptions {
  fmt?: string;
  delimiter?: string;
  newline?: string;
  header?: string;
  footer?: string;
  comments?: string;
}

/**
 * np.savetxt(fname, X, fmt='%.18e', delimiter=' ', newline='\n', header='', footer='', comments='# '):
 * a 1-d or 2-d array as text, one row a line (a 1-d array one value a line); gzip-compressed when the
 * name ends in `.gz`, which loadtxt / genfromtxt read back as NumPy's do.
 * @example np.savetxt('out.csv', x, {delimiter: ',', fmt: '%.4f'})
 */
export function savetxt(fname: string, X: unknown, options: SavetxtOptions = {}): void {
  const a = N.asarray(X);
  if (a.ndim === 0 || a.ndim > 2) throw new ValueError(`Expected 1D or 2D array, got ${a.ndim}D array instead`);
  const rows = a.ndim === 1 ? a.shape[0] : a.shape[0];
  const cols = a.ndim === 1 ? 1 : a.shape[1];
  const fmt = options.fmt ?? "%.18e";
  const delimiter = options.delimiter ?? " ";
  const newline = options.newline ?? "\n";
  const comments = options.comments ?? "# ";
  const specs = fmt.split(/(?=%)/).filter((s) => s.startsWith("%")).map((s) => s.trim().replace(new RegExp(`${delimiter.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`), ""));
  const per = specs.length === 1 ? Array(cols).fill(specs[0]) : specs;
  if (per.length !== cols) throw new ValueError(`fmt has wrong number of % formats:  ${fmt}`);
  const data = a.data as ArrayLike<number>;
  let out = "";
  if (options.header) out += options.header.split("\n").map((l) => comments + l).join("\n") + newline;
  for (let r = 0; r < rows; r++) out += Array.from({ length: cols }, (_, c) => formatNumber(per[c], Number(data[r * cols + c]))).join(delimiter) + newline;
  if (options.footer) out += options.footer.split("\n").map((l) => comments + l).join("\n") + newline;
  // A name ending in .gz is written gzip-compressed, as NumPy does.
  writeFileAtomic(fname, compression(fname, "savetxt") === "gzip" ? zlib.gzipSync(Buffer.from(out, "utf8")) : out);
}
