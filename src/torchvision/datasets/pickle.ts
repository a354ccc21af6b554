/**
 * Reading the pickled data files torchvision's datasets download (CIFAR's python batches: Python 2
 * cPickle protocol 2, or the same structures from Python 3, protocols 2 to 4) with the one hardened
 * unpickler torch.load uses (src/serialization/pickle.ts). This file holds only what such files need
 * on top of it: numpy's array and dtype reconstruction, `_codecs.encode`, `bytearray`; any other
 * global is refused by name, so loading never runs arbitrary code.
 *
 * Python 2 strings stay bytes, viewing the file's buffer (the unpickler's `encoding: "bytes"`): a
 * batch's pixels are one 30 MB Python 2 string, and a round trip through a JavaScript string or a
 * copy would cost more than the rest of the unpickling (measured: about 40 ms per batch as views,
 * 200 ms with a copy). Where a string is wanted (dict keys, class names, dtype names) they are
 * decoded as latin1, which is what torchvision's `pickle.load(f, encoding="latin1")` gives.
 */
import { unpickle, PyDict, PickleTruncatedError, UnpicklingError, pyRepr } from "../../serialization/pickle";
import { RuntimeError } from "../../errors";

/** A Python str, or bytes / a Python 2 str decoded as latin1; undefined for anything else. */
export function pyString(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("latin1");
  return undefined;
}

/** A numpy array from a pickle: its dtype string (`u1`, `<i4`, ...), shape, C or Fortran order and raw bytes. */
export class NdArray {
  dtype = "";
  shape: number[] = [];
  fortran_order = false;
  data: Uint8Array = new Uint8Array(0);

  /** numpy's `ndarray.__setstate__((version, shape, dtype, is_fortran, rawdata))`, which BUILD calls. */
  __setstate__(state: unknown): void {
    if (!Array.isArray(state) || (state.length !== 5 && state.length !== 4)) throw new UnpicklingError(`numpy array state ${pyRepr(state)} is not (version, shape, dtype, is_fortran, data)`);
    const [shape, dtype, fortran, raw] = state.length === 5 ? state.slice(1) : state;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) {
      throw new UnpicklingError(`numpy array shape ${pyRepr(shape)} is not a tuple of non-negative integers`);
    }
    if (!(dtype instanceof NpDtype)) throw new UnpicklingError(`numpy array dtype ${pyRepr(dtype)} is not a numpy.dtype`);
    const bytes = raw instanceof Uint8Array ? raw : typeof raw === "string" ? Buffer.from(raw, "latin1") : undefined;
    if (bytes === undefined) throw new UnpicklingError(`numpy array data ${pyRepr(raw)} is not bytes (arrays of Python objects are not supported)`);
    const numel = (shape as number[]).reduce((a, b) => a * b, 1);
    const itemsize = dtype.itemsize;
    if (itemsize === undefined) throw new UnpicklingError(`numpy dtype '${dtype.str.slice(0, 40)}' is not supported (bool, int, uint and float are)`);
    // A shape that disagrees with the data would read past it (or leave pixels unread) without a word.
    if (numel * itemsize !== bytes.byteLength) {
      throw new UnpicklingError(`numpy array of shape [${(shape as number[]).slice(0, 8).join(", ")}] and dtype ${dtype.str.slice(0, 40)} has ${bytes.byteLength} bytes of data`);
    }
    this.shape = (shape as number[]).slice();
    this.dtype = dtype.str;
    this.fortran_order = fortran === true || fortran === 1;
    this.data = bytes;
  }
}

class NpDtype {
  byteorder = "|";
  constructor(readonly name: string) {}
  /** numpy's `dtype.str` for the plain numeric kinds (`u1`, `<f4`), else the name. */
  get str(): string {
    return /^[biuf]\d+$/.test(this.name) && this.name !== "u1" && this.name !== "i1" && this.name !== "b1" ? `${this.byteorder === "|" ? "<" : this.byteorder}${this.name}` : this.name;
  }
  /** Bytes per element for the plain numeric kinds; undefined for the others. */
  get itemsize(): number | undefined {
    const m = /^[biuf](\d+)$/.exec(this.name);
    return m ? Number(m[1]) : undefined;
  }
  /** `dtype.__setstate__((version, byteorder, ...))`. */
  __setstate__(state: unknown): void {
    const order = Array.isArray(state) ? pyString(state[1]) : undefined;
    if (order === undefined || !["<", ">", "|", "="].includes(order)) throw new UnpicklingError(`numpy dtype state ${pyRepr(state)} has no byte order`);
    this.byteorder = order === "=" ? "<" : order;
  }
}

/** `numpy.ndarray`: only ever the class argument of `_reconstruct`, never called by a data file. */
function ndarray(): never {
  throw new UnpicklingError("calling numpy.ndarray is not supported (a data file only passes it to _reconstruct)");
}

/** `_reconstruct(ndarray, (0,), b"b")`: an empty array that BUILD then fills (its other arguments are placeholders). */
function reconstruct(cls: unknown): NdArray {
  if (cls !== ndarray) throw new UnpicklingError(`numpy _reconstruct of ${pyRepr(cls)}, not numpy.ndarray`);
  return new NdArray();
}

const LATIN1 = new Set(["latin1", "latin-1", "iso-8859-1", "iso8859-1"]);
const UTF8 = new Set(["utf-8", "utf8"]);

const GLOBALS = new Map<string, unknown>([
  ["numpy.core.multiarray._reconstruct", reconstruct],
  ["numpy._core.multiarray._reconstruct", reconstruct],
  ["numpy.ndarray", ndarray],
  [
    "numpy.dtype",
    (name: unknown) => {
      const s = pyString(name);
      if (s === undefined || s.length > 16) throw new UnpicklingError(`numpy.dtype(${pyRepr(name)}): not a dtype name`);
      return new NpDtype(s);
    },
  ],
  [
    // Python 3's protocol 2 writes bytes as _codecs.encode(str, "latin1").
    "_codecs.encode",
    (text: unknown, encoding: unknown = "utf-8") => {
      const enc = pyString(encoding)?.toLowerCase();
      if (typeof text !== "string") throw new UnpicklingError(`_codecs.encode of ${pyRepr(text)}, not a str`);
      if (enc !== undefined && LATIN1.has(enc)) return Buffer.from(text, "latin1");
      if (enc !== undefined && UTF8.has(enc)) return Buffer.from(text, "utf8");
      throw new UnpicklingError(`_codecs.encode with encoding ${pyRepr(encoding)} (latin1 and utf-8 are supported)`);
    },
  ],
  ["__builtin__.bytearray", bytearray],
  ["builtins.bytearray", bytearray],
]);

function bytearray(src: unknown = undefined, encoding: unknown = "latin1"): Buffer {
  if (src === undefined) return Buffer.alloc(0);
  if (src instanceof Uint8Array) return Buffer.from(src);
  const enc = pyString(encoding)?.toLowerCase();
  if (typeof src === "string" && enc !== undefined && LATIN1.has(enc)) return Buffer.from(src, "latin1");
  throw new UnpicklingError(`bytearray(${pyRepr(src)}, ${pyRepr(encoding)}) is not supported (bytes, or a str with latin1)`);
}

/**
 * Unpickles a data-set file (`buf`, read from `file`). Dicts stay PyDict (look keys up with
 * `dictGet`), lists and tuples are arrays, Python 2 strings and bytes are Buffers (Python 2 strings
 * view `buf`), numpy arrays NdArray. Errors are RuntimeErrors naming the file.
 */
export function unpickleDataFile(buf: Uint8Array, file: string): unknown {
  const data = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  try {
    return unpickle(data, {
      encoding: "bytes",
      findClass(module, name) {
        const key = `${module}.${name}`;
        if (!GLOBALS.has(key)) throw new UnpicklingError(`the global ${key.slice(0, 200)} is not one a data set file needs; refusing to load it`);
        return GLOBALS.get(key);
      },
      persistentLoad(pid) {
        throw new UnpicklingError(`persistent id ${pyRepr(pid)}: data set files have none`);
      },
    });
  } catch (e) {
    if (e instanceof PickleTruncatedError) throw new RuntimeError(`${file}: truncated pickle (${e.detail})`);
    if (e instanceof UnpicklingError) throw new RuntimeError(`${file}: unpickling: ${e.message}`);
    throw e;
  }
}

/**
 * `d[key]` for a dict from `unpickleDataFile`, where the key may have been pickled as a str or
 * (Python 2) as bytes; undefined when absent. Two keys that both read as `key` are an error
 * rather than a silent pick of one.
 */
export function dictGet(d: PyDict, key: string, file: string): unknown {
  let found: unknown[] | undefined;
  for (const [k, v] of d.map) {
    if (pyString(k) === key) {
      if (found) throw new RuntimeError(`${file}: the dict has the key '${key}' twice (as str and as bytes)`);
      found = [v];
    }
  }
  return found?.[0];
}
