/**
 * One of torchlab's two checkpoint formats (torch.save's choice for names other than .pt, .pth,
 * .pt.tar, .pth.tar and .bin, which get PyTorch's zip format, ./pytorch.ts): the safetensors
 * layout, so that other tools can read it.
 *
 *   bytes 0..8      N, the header length (unsigned 64-bit little-endian)
 *   bytes 8..8+N    a JSON header (padded with spaces to a multiple of 8 bytes):
 *                     { "<tensor name>": {"dtype": "F32" | "F64" | "I64" | "I32" | "I16" | "I8" | "U8" | "BOOL", "shape": [...],
 *                                         "data_offsets": [begin, end]}, ...,
 *                       "__metadata__": { "format": "pt", "torchlab.version": "2",
 *                                         "torchlab.structure": "<JSON>", "torchlab.crc32": "<JSON>" } }
 *   bytes 8+N..     the tensors' raw little-endian bytes, back to back, offsets relative to here
 *
 * A state_dict (a flat object of tensors) is stored with its keys as the tensor names, so
 * `safetensors.torch.load_file` in Python returns the same dict (int32 tensors stay int32:
 * torchlab has no int64; `.long()` them in Python if needed). Anything else (optimizer states,
 * nested objects/arrays with numbers, strings, booleans, null) is described by
 * `torchlab.structure`, a JSON tree where `{"$tensor": name}` marks a tensor, `{"$dict": [[key,
 * value], ...]}` an object (key order kept) and `{"$float": "nan" | "inf" | "-inf"}` a non-finite
 * number. `torchlab.crc32` holds each tensor's CRC-32, checked on load so that a corrupted file
 * is an error rather than wrong weights.
 */
import * as os from "os";
import { Tensor, type DType } from "../tensor/tensor";
import * as D from "../tensor/dtype";
import { from_typed } from "../ops/creation";
import { crc32 } from "./crc32";
import { TypeError } from "../errors";
import { TreeNode, toTree, isPlainObject } from "./tree";
import { readableDict } from "./inspect";

export class FormatError extends Error {}

type StDtype = "F32" | "F64" | "I64" | "I32" | "I16" | "I8" | "U8" | "BOOL";
const MAX_HEADER = 100 * 1024 * 1024;
const LITTLE = os.endianness() === "LE";

type Encoded = null | boolean | number | string | Encoded[] | { $tensor: string } | { $dict: [string, Encoded][] } | { $float: string };

function bytesOf(t: Tensor): Uint8Array {
  const raw = t.dataSync();
  if (t.dtype === D.int64) {
    // int64, held in 32 bits here, is written sign-extended to PyTorch's 8 bytes (I64).
    const words = new Int32Array(raw.length * 2);
    for (let i = 0; i < raw.length; i++) {
      words[2 * i] = raw[i];
      words[2 * i + 1] = raw[i] < 0 ? -1 : 0;
    }
    const le = new Uint8Array(words.buffer);
    if (LITTLE) return le;
    const out = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 4) for (let k = 0; k < 4; k++) out[i + k] = le[i + 3 - k];
    return out;
  }
  if (t.dtype._range !== null) {
    // uint8 / int8 / int16, held in int32 here, at their own width (U8, I8, I16).
    const out = Buffer.alloc(raw.length * t.dtype.itemsize);
    for (let i = 0; i < raw.length; i++) {
      if (t.dtype === D.uint8) out.writeUInt8(raw[i], i);
      else if (t.dtype === D.int8) out.writeInt8(raw[i], i);
      else out.writeInt16LE(raw[i], i * 2);
    }
    return out;
  }
  if (t.dtype === D.float64) {
    // float64, held in float32 here, is written widened to 8-byte doubles (F64).
    const out = Buffer.alloc(raw.length * 8);
    for (let i = 0; i < raw.length; i++) out.writeDoubleLE(raw[i], i * 8);
    return out;
  }
  // dataSync's array type need not follow the dtype (tfjs's cpu backend casts int32 to float32
  // without converting the buffer), so convert by value when they disagree.
  const data =
    t.dtype._tf === "float32" ? (raw instanceof Float32Array ? raw : Float32Array.from(raw))
    : t.dtype._tf === "int32" ? (raw instanceof Int32Array ? raw : Int32Array.from(raw))
    : raw instanceof Uint8Array ? raw : Uint8Array.from(raw, (v) => (v ? 1 : 0));
  const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (LITTLE || t.dtype._tf === "bool") return view;
  const out = new Uint8Array(view.length);
  for (let i = 0; i < view.length; i += 4) for (let k = 0; k < 4; k++) out[i + k] = view[i + 3 - k];
  return out;
}

/** Serialises `obj` to the bytes of a checkpoint file. */
export function encode(obj: unknown): Buffer {
  const tensors: { name: string; t: Tensor }[] = [];
  // "__metadata__" is the header's own key, so no tensor may take that name.
  const used = new Set<string>(["__metadata__"]);

  const nameFor = (path: string[]): string => {
    let name = path.length ? path.join(".") : "tensor";
    if (used.has(name)) {
      let k = 1;
      while (used.has(`${name}#${k}`)) k++;
      name = `${name}#${k}`;
    }
    used.add(name);
    return name;
  };

  const walk = (node: TreeNode, path: string[]): Encoded => {
    switch (node.kind) {
      case "tensor": {
        const name = nameFor(path);
        tensors.push({ name, t: node.t });
        return { $tensor: name };
      }
      case "list":
        return node.items.map((x, i) => walk(x, [...path, String(i)]));
      case "dict":
        return { $dict: node.entries.map(([k, x]) => [k, walk(x, [...path, k])] as [string, Encoded]) };
      case "value": {
        const v = node.v;
        if (typeof v === "bigint") {
          throw new TypeError(`torch.save: ${path.length ? `'${path.join(".")}'` : "the object"} is a bigint, which the safetensors format cannot hold; save to a .pt file (PyTorch's format) or convert it to a number`);
        }
        // JSON has no -0 (it writes 0), so -0 travels as a tagged float like the non-finite numbers.
        if (typeof v !== "number" || (Number.isFinite(v) && !Object.is(v, -0))) return v;
        return { $float: Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf" };
      }
    }
  };

  // For a state_dict (a flat object of tensors) the names are exactly its keys.
  const structure = walk(toTree(obj), []);
  // Prototype-free, so that a tensor named "__proto__" is a key like any other.
  const header = Object.create(null) as Record<string, unknown>;
  const crcs = Object.create(null) as Record<string, number>;
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const { name, t } of tensors) {
    const b = bytesOf(t);
    const dtype: StDtype = t.dtype === D.float32 ? "F32" : t.dtype === D.float64 ? "F64" : t.dtype === D.int64 ? "I64" : t.dtype === D.int32 ? "I32" : t.dtype === D.int16 ? "I16" : t.dtype === D.int8 ? "I8" : t.dtype === D.uint8 ? "U8" : "BOOL";
    header[name] = { dtype, shape: t.shape, data_offsets: [offset, offset + b.length] };
    crcs[name] = crc32(b);
    chunks.push(b);
    offset += b.length;
  }
  header.__metadata__ = {
    format: "pt",
    "torchlab.version": "2",
    "torchlab.structure": JSON.stringify(structure),
    "torchlab.crc32": JSON.stringify(crcs),
  };
  let json = JSON.stringify(header);
  const jsonBytes = Buffer.byteLength(json, "utf8");
  json += " ".repeat((8 - ((8 + jsonBytes) % 8)) % 8);
  const head = Buffer.from(json, "utf8");
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(head.length), 0);
  return Buffer.concat([prefix, head, ...chunks]);
}

interface Entry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

const ITEMSIZE: Record<string, number> = { F32: 4, F64: 8, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };

/** Whether `o` has `k` itself: header and structure keys come from the file ("constructor", "__proto__"), so inherited names must not count. */
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** JSON nesting deeper than this is refused rather than overflowing the stack while the structure is rebuilt. */
const MAX_DEPTH = 1000;

function toTensor(name: string, e: Entry, bytes: Buffer, i32: DType): Tensor {
  const n = e.shape.reduce((a, b) => a * b, 1);
  const isFloat = e.dtype.startsWith("F") || e.dtype === "BF16";
  const out = isFloat ? new Float32Array(n) : e.dtype === "BOOL" ? new Uint8Array(n) : new Int32Array(n);
  switch (e.dtype) {
    case "F32":
      for (let i = 0; i < n; i++) out[i] = bytes.readFloatLE(i * 4);
      break;
    case "F64":
      for (let i = 0; i < n; i++) out[i] = bytes.readDoubleLE(i * 8);
      break;
    case "F16":
      for (let i = 0; i < n; i++) {
        const h = bytes.readUInt16LE(i * 2);
        const s = h & 0x8000 ? -1 : 1;
        const ex = (h >> 10) & 0x1f;
        const f = h & 0x3ff;
        out[i] = ex === 0 ? s * f * 2 ** -24 : ex === 31 ? (f ? NaN : s * Infinity) : s * (1 + f / 1024) * 2 ** (ex - 15);
      }
      break;
    case "BF16": {
      const tmp = Buffer.alloc(4);
      for (let i = 0; i < n; i++) {
        tmp.writeUInt16LE(bytes.readUInt16LE(i * 2), 2);
        out[i] = tmp.readFloatLE(0);
      }
      break;
    }
    case "I64":
      for (let i = 0; i < n; i++) {
        const v = bytes.readBigInt64LE(i * 8);
        if (v > 2147483647n || v < -2147483648n) throw new FormatError(`tensor '${name}' holds the int64 value ${v}, outside torchlab's int32 range`);
        out[i] = Number(v);
      }
      break;
    case "I32":
      for (let i = 0; i < n; i++) out[i] = bytes.readInt32LE(i * 4);
      break;
    case "I16":
      for (let i = 0; i < n; i++) out[i] = bytes.readInt16LE(i * 2);
      break;
    case "I8":
      for (let i = 0; i < n; i++) out[i] = bytes.readInt8(i);
      break;
    case "U8":
    case "BOOL":
      for (let i = 0; i < n; i++) out[i] = bytes[i];
      break;
  }
  return from_typed(out, e.shape, { dtype: e.dtype === "F64" ? D.float64 : isFloat ? D.float32 : e.dtype === "BOOL" ? D.bool : e.dtype === "I32" ? i32 : e.dtype === "I64" ? D.int64 : e.dtype === "I16" ? D.int16 : e.dtype === "I8" ? D.int8 : D.uint8 });
}

/** Parses the bytes of a checkpoint file (any safetensors file). Errors say what is wrong; the caller adds the file name. */
export function decode(buf: Buffer): unknown {
  if (buf.length < 8) throw new FormatError(`file is ${buf.length} bytes, too short for a checkpoint (the 8-byte header length is missing): it is truncated or empty`);
  const n64 = buf.readBigUInt64LE(0);
  if (n64 > BigInt(buf.length - 8)) throw new FormatError(`bad header length ${n64}: only ${buf.length - 8} bytes follow (the file is truncated or not a torchlab/safetensors checkpoint)`);
  const n = Number(n64);
  if (n < 2 || n > MAX_HEADER) throw new FormatError(`bad header length ${n}`);
  if (buf[8] !== 0x7b) throw new FormatError("the header does not start with '{' (not a torchlab/safetensors checkpoint)");
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(buf.toString("utf8", 8, 8 + n)) as Record<string, unknown>;
  } catch (e) {
    throw new FormatError(`the JSON header does not parse (${(e as Error).message})`);
  }
  if (!isPlainObject(header)) throw new FormatError("the JSON header is not an object");
  const data = buf.subarray(8 + n);
  const meta = (own(header, "__metadata__") ? header.__metadata__ : {}) as Record<string, unknown>;
  if (!isPlainObject(meta) || Object.values(meta).some((v) => typeof v !== "string")) throw new FormatError("__metadata__ must map strings to strings");
  // torchlab version 1 wrote its int64 tensors as I32 (it had one integer dtype): they read back as int64.
  const i32 = meta["torchlab.version"] === "1" ? D.int64 : D.int32;

  const entries = new Map<string, Entry>();
  for (const [name, raw] of Object.entries(header)) {
    if (name === "__metadata__") continue;
    const e = raw as Entry;
    if (!isPlainObject(e) || typeof e.dtype !== "string" || !Array.isArray(e.shape) || !Array.isArray(e.data_offsets) || e.data_offsets.length !== 2) {
      throw new FormatError(`tensor '${name}' has a malformed header entry (need dtype, shape, data_offsets)`);
    }
    if (!own(ITEMSIZE, e.dtype)) throw new FormatError(`tensor '${name}' has unsupported dtype '${e.dtype}' (supported: ${Object.keys(ITEMSIZE).join(", ")})`);
    if (e.shape.some((d) => !Number.isSafeInteger(d) || d < 0)) throw new FormatError(`tensor '${name}' has an invalid shape ${JSON.stringify(e.shape)}`);
    const [b, end] = e.data_offsets;
    if (!Number.isInteger(b) || !Number.isInteger(end) || b < 0 || end < b) throw new FormatError(`tensor '${name}' has invalid data_offsets [${b}, ${end}]`);
    if (end > data.length) {
      throw new FormatError(`tensor '${name}' data_offsets [${b}, ${end}] are out of range: the data section has ${data.length} bytes (the file is truncated)`);
    }
    const expected = e.shape.reduce((x, y) => x * y, 1) * ITEMSIZE[e.dtype];
    if (end - b !== expected) {
      throw new FormatError(`size mismatch for tensor '${name}': shape [${e.shape.join(", ")}] of ${e.dtype} needs ${expected} bytes, data_offsets give ${end - b}`);
    }
    entries.set(name, e);
  }
  // The tensors must tile the data section exactly (the safetensors rule): no gaps, overlaps or tail.
  const spans = [...entries.values()].map((e) => e.data_offsets).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let covered = 0;
  for (const [b, e] of spans) {
    if (b !== covered) throw new FormatError(b < covered ? `tensors overlap at data offset ${b}` : `the data section has a gap at offset ${covered}`);
    covered = e;
  }
  if (covered !== data.length) throw new FormatError(`the data section has ${data.length - covered} trailing bytes that belong to no tensor`);

  let crcs: Record<string, number> = Object.create(null) as Record<string, number>;
  if (typeof meta["torchlab.crc32"] === "string") {
    try {
      crcs = JSON.parse(meta["torchlab.crc32"]) as Record<string, number>;
    } catch (e) {
      throw new FormatError(`__metadata__['torchlab.crc32'] does not parse (${(e as Error).message})`);
    }
    if (!isPlainObject(crcs)) throw new FormatError("__metadata__['torchlab.crc32'] is not an object");
  }
  const tensorOf = (name: string): Tensor => {
    const e = entries.get(name);
    if (!e) throw new FormatError(`the structure refers to tensor '${name}', which the header does not list`);
    const bytes = data.subarray(e.data_offsets[0], e.data_offsets[1]);
    if (own(crcs, name) && crc32(bytes) !== crcs[name] >>> 0) throw new FormatError(`tensor '${name}' fails its CRC-32 check: the file is corrupted`);
    return toTensor(name, e, bytes, i32);
  };

  if (typeof meta["torchlab.structure"] !== "string") {
    // A safetensors file from another tool: a flat dict of its tensors, in header order.
    const out = readableDict(Object.create(null) as Record<string, Tensor>);
    for (const name of entries.keys()) out[name] = tensorOf(name);
    return out;
  }
  let structure: Encoded;
  try {
    structure = JSON.parse(meta["torchlab.structure"]) as Encoded;
  } catch (e) {
    throw new FormatError(`__metadata__['torchlab.structure'] does not parse (${(e as Error).message})`);
  }
  const referenced = new Set<string>();
  const built = new Map<string, Tensor>();
  const FLOATS: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity, "-0": -0 };
  const build = (v: Encoded, depth: number): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (depth > MAX_DEPTH) throw new FormatError(`the structure nests deeper than ${MAX_DEPTH} levels`);
    if (Array.isArray(v)) return v.map((x) => build(x, depth + 1));
    if (own(v, "$tensor") && typeof (v as { $tensor: unknown }).$tensor === "string") {
      const name = (v as { $tensor: string }).$tensor;
      // A name given twice is one tensor, built once: a header repeating a large tensor's name must not multiply its cost.
      const t = built.get(name) ?? tensorOf(name);
      built.set(name, t);
      referenced.add(name);
      return t;
    }
    if (own(v, "$float")) {
      const f = (v as { $float: unknown }).$float;
      if (typeof f !== "string" || !own(FLOATS, f)) throw new FormatError(`the structure has an unknown float ${JSON.stringify(f).slice(0, 40)}`);
      return FLOATS[f];
    }
    if (own(v, "$dict") && Array.isArray((v as { $dict: unknown }).$dict)) {
      // Prototype-free: a key such as "__proto__" or "constructor" is an ordinary key.
      const out = readableDict(Object.create(null) as Record<string, unknown>);
      for (const pair of (v as { $dict: unknown[] }).$dict) {
        if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string") throw new FormatError("the structure has a malformed object entry");
        if (own(out, pair[0])) throw new FormatError(`the structure has the key '${pair[0].slice(0, 80)}' twice in one object`);
        out[pair[0]] = build(pair[1] as Encoded, depth + 1);
      }
      return out;
    }
    throw new FormatError(`the structure has an unknown node ${JSON.stringify(v).slice(0, 80)}`);
  };
  const result = build(structure, 0);
  for (const name of entries.keys()) if (!referenced.has(name)) throw new FormatError(`tensor '${name}' is in the header but not in the structure`);
  return result;
}
