/**
 * Builders for hand-made checkpoints: a zip writer that can deflate and lie about sizes, and a tiny
 * pickler for the values a hostile `.pt` holds (tensors with any offset/size/stride, dicts with any
 * keys, memo references). Shared by the hostile-file tests and the fuzz test.
 */
import * as zlib from "zlib";
import { crc32 } from "../../src/serialization/crc32";

export interface ZipItem {
  name: string;
  data: Buffer;
  /** 0 stored (default), 8 deflate. */
  method?: 0 | 8;
  /** The uncompressed size the directory claims (default: the real one). */
  size?: number;
}

export function zip(items: ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name: n, data, method = 0, size = data.length } of items) {
    const name = Buffer.from(n);
    const body = method === 8 ? zlib.deflateRawSync(data) : data;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(items.length, 8);
  eocd.writeUInt16LE(items.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** A pickled value: raw opcodes, or a value `enc` writes. */
export type Pickled = { raw: Buffer } | number | string | boolean | null | Pickled[] | { dict: [Pickled, Pickled][] };

export const raw = (...parts: (string | number[])[]): { raw: Buffer } => ({
  raw: Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p)))),
});

/** Pickle opcodes for `v`: integers as BININT, other numbers BINFLOAT, strings BINUNICODE, arrays tuples. */
export function enc(v: Pickled): Buffer {
  if (v === null) return Buffer.from("N");
  if (typeof v === "boolean") return Buffer.from(v ? [0x88] : [0x89]);
  if (typeof v === "number") {
    const b = Buffer.alloc(Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? 5 : 9);
    if (b.length === 5) (b[0] = 0x4a), b.writeInt32LE(v, 1);
    else (b[0] = 0x47), b.writeDoubleBE(v, 1);
    return b;
  }
  if (typeof v === "string") {
    const s = Buffer.from(v, "utf8");
    const h = Buffer.alloc(5);
    h[0] = 0x58;
    h.writeUInt32LE(s.length, 1);
    return Buffer.concat([h, s]);
  }
  if (Array.isArray(v)) return Buffer.concat([Buffer.from("("), ...v.map(enc), Buffer.from("t")]);
  if ("raw" in v) return v.raw;
  return Buffer.concat([Buffer.from("}("), ...v.dict.flatMap(([k, x]) => [enc(k), enc(x)]), Buffer.from("u")]);
}

/** `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())`. */
export function tensorPickle(o: { type?: string; key?: string; numel: number; offset?: number; size: number[]; stride: number[]; requires_grad?: boolean }): { raw: Buffer } {
  const pid = Buffer.concat([Buffer.from("("), enc("storage"), Buffer.from(`ctorch\n${o.type ?? "FloatStorage"}\n`, "latin1"), enc(o.key ?? "0"), enc("cpu"), enc(o.numel), Buffer.from("tQ")]);
  return {
    raw: Buffer.concat([
      Buffer.from("ctorch._utils\n_rebuild_tensor_v2\n("),
      pid,
      enc(o.offset ?? 0),
      enc(o.size),
      enc(o.stride),
      enc(o.requires_grad ?? false),
      Buffer.from("ccollections\nOrderedDict\n)RtR"),
    ]),
  };
}

/** A whole pickle stream (protocol 2) of `v`. */
export const pickle = (v: Pickled): Buffer => Buffer.concat([Buffer.from([0x80, 0x02]), enc(v), Buffer.from(".")]);

/** A `.pt` archive: data.pkl and the given storages (`data/<key>`). */
export function ptFile(value: Pickled, storages: Record<string, Buffer> = {}): Buffer {
  return zip([{ name: "archive/data.pkl", data: pickle(value) }, ...Object.entries(storages).map(([k, data]) => ({ name: `archive/data/${k}`, data }))]);
}

/** A safetensors file of the given header (tensors given as name -> [dtype, shape, bytes]), back to back. */
export function safetensorsFile(tensors: [string, string, number[], Buffer][], metadata?: Record<string, string>): Buffer {
  const header: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let offset = 0;
  for (const [name, dtype, shape, bytes] of tensors) {
    header[name] = { dtype, shape, data_offsets: [offset, offset + bytes.length] };
    offset += bytes.length;
  }
  if (metadata) header.__metadata__ = metadata;
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([len, json, ...tensors.map((t) => t[3])]);
}

export const f32 = (...v: number[]): Buffer => Buffer.from(new Float32Array(v).buffer);
