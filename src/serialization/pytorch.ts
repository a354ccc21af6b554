/**
 * Reads PyTorch's own checkpoint format (torch.save since 1.6): a zip archive holding `data.pkl`
 * (the pickled object, tensors as persistent references to storages) and `data/<key>` (raw
 * little-endian storage bytes). Only what state_dicts and optimizer states use is allowed:
 * OrderedDict, tensors rebuilt with `torch._utils._rebuild_tensor_v2` (any storage offset and
 * strides), parameters, and the typed storages. float64 and float16/bfloat16 become float32;
 * int64 and smaller integer types become int32 (values outside the int32 range are an error).
 *
 * Writes the same format (encodePyTorchZip), as PyTorch 1.13's torch.save lays it out, so that
 * plain `torch.load` in Python reads torchlab's checkpoints.
 */
import { Tensor } from "../tensor/tensor";
import { from_typed } from "../ops/creation";
import { ZipReader, writeZip } from "./zip";
import { unpickle, PyDict, UnpicklingError, Pickler } from "./pickle";
import { TreeNode, toTree } from "./tree";

type TorchDtype = "float32" | "float64" | "float16" | "bfloat16" | "int64" | "int32" | "int16" | "int8" | "uint8" | "bool";

const ITEMSIZE: Record<TorchDtype, number> = { float32: 4, float64: 8, float16: 2, bfloat16: 2, int64: 8, int32: 4, int16: 2, int8: 1, uint8: 1, bool: 1 };

const STORAGES: Record<string, TorchDtype> = {
  FloatStorage: "float32", DoubleStorage: "float64", HalfStorage: "float16", BFloat16Storage: "bfloat16",
  LongStorage: "int64", IntStorage: "int32", ShortStorage: "int16", CharStorage: "int8", ByteStorage: "uint8", BoolStorage: "bool",
};

class StorageType {
  constructor(readonly dtype: TorchDtype) {}
}

/** A storage read from `data/<key>`: raw bytes and the element type. */
class Storage {
  constructor(readonly key: string, readonly dtype: TorchDtype, readonly bytes: Buffer, readonly numel: number) {}
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

/** Element `i` of a storage as a JS number (or bigint-range-checked int). */
function reader(st: Storage): (i: number) => number {
  const b = st.bytes;
  switch (st.dtype) {
    case "float32":
      return (i) => b.readFloatLE(i * 4);
    case "float64":
      return (i) => b.readDoubleLE(i * 8);
    case "float16":
      return (i) => halfToFloat(b.readUInt16LE(i * 2));
    case "bfloat16": {
      const tmp = Buffer.alloc(4);
      return (i) => {
        tmp.writeUInt16LE(b.readUInt16LE(i * 2), 2);
        return tmp.readFloatLE(0);
      };
    }
    case "int64":
      return (i) => {
        const v = b.readBigInt64LE(i * 8);
        if (v > 2147483647n || v < -2147483648n) {
          throw new RangeError(`int64 value ${v} in storage data/${st.key} does not fit torchlab's int32`);
        }
        return Number(v);
      };
    case "int32":
      return (i) => b.readInt32LE(i * 4);
    case "int16":
      return (i) => b.readInt16LE(i * 2);
    case "int8":
      return (i) => b.readInt8(i);
    case "uint8":
    case "bool":
      return (i) => b[i];
  }
}

function rebuildTensor(storage: unknown, offset: unknown, size: unknown, stride: unknown): Tensor {
  if (!(storage instanceof Storage)) throw new UnpicklingError("_rebuild_tensor_v2: the first argument is not a storage");
  if (!Number.isInteger(offset) || !Array.isArray(size) || !Array.isArray(stride) || size.length !== stride.length) {
    throw new UnpicklingError("_rebuild_tensor_v2: malformed storage offset, size or stride");
  }
  const shape = size as number[];
  const strides = stride as number[];
  const numel = shape.reduce((a, b) => a * b, 1);
  // The furthest element addressed must lie inside the storage.
  if (numel > 0) {
    const last = (offset as number) + shape.reduce((acc, d, k) => acc + (d - 1) * strides[k], 0);
    if ((offset as number) < 0 || last >= storage.numel) {
      throw new UnpicklingError(`tensor of size [${shape.join(", ")}] (offset ${offset}, stride [${strides.join(", ")}]) reaches past the end of storage data/${storage.key} (${storage.numel} elements)`);
    }
  }
  const read = reader(storage);
  const isFloat = storage.dtype.startsWith("float") || storage.dtype === "bfloat16";
  const out = isFloat ? new Float32Array(numel) : storage.dtype === "bool" ? new Uint8Array(numel) : new Int32Array(numel);
  const idx = new Array<number>(shape.length).fill(0);
  for (let n = 0; n < numel; n++) {
    let at = offset as number;
    for (let k = 0; k < shape.length; k++) at += idx[k] * strides[k];
    out[n] = read(at);
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  return from_typed(out, shape, { dtype: isFloat ? "float32" : storage.dtype === "bool" ? "bool" : "int32" });
}

/** Converts unpickled values to torchlab's: dicts to plain objects (keys as strings), tuples to arrays. */
function toJs(v: unknown): unknown {
  if (v instanceof PyDict) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of v.map) out[Array.isArray(k) ? k.join(",") : String(k)] = toJs(val);
    // OrderedDict._metadata (module versions) is kept out of the keys, as PyTorch keeps it out of items().
    for (const [k, val] of Object.entries(v.attrs)) Object.defineProperty(out, k, { value: toJs(val), enumerable: false, writable: true, configurable: true });
    return out;
  }
  if (Array.isArray(v)) return v.map(toJs);
  if (typeof v === "bigint") return v;
  return v;
}

/** Whether `buf` starts like a zip archive. */
export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
}

/** Whether `buf` is PyTorch's legacy (pre-1.6, non-zip) format: a bare pickle stream. */
export function isLegacyPickle(buf: Buffer): boolean {
  return buf.length >= 2 && buf[0] === 0x80 && buf[1] >= 2 && buf[1] <= 5;
}

/** Loads a PyTorch zip checkpoint from its bytes. Errors are thrown bare; the caller adds the file name. */
export function loadPyTorchZip(buf: Buffer): unknown {
  const zip = new ZipReader(buf);
  const pkl = zip.names().find((n) => n === "data.pkl" || n.endsWith("/data.pkl"));
  if (pkl === undefined) throw new UnpicklingError(`zip archive has no data.pkl (entries: ${zip.names().slice(0, 8).join(", ")}); it is not a PyTorch checkpoint`);
  const prefix = pkl.slice(0, pkl.length - "data.pkl".length);
  const orderEntry = zip.entries.has(prefix + "byteorder") ? zip.read(prefix + "byteorder").toString("latin1").trim() : "little";
  if (orderEntry !== "little") throw new UnpicklingError(`checkpoint was written with byteorder '${orderEntry}'; only little-endian checkpoints are supported`);
  const storages = new Map<string, Storage>();

  const globals: Record<string, unknown> = {
    "collections.OrderedDict": () => new PyDict(),
    "builtins.dict": () => new PyDict(),
    "torch._utils._rebuild_tensor_v2": (storage: unknown, offset: unknown, size: unknown, stride: unknown, requires_grad: unknown) => {
      const t = rebuildTensor(storage, offset, size, stride);
      if (requires_grad === true && t.dtype === "float32") t.requires_grad_(true);
      return t;
    },
    "torch._utils._rebuild_tensor": (storage: unknown, offset: unknown, size: unknown, stride: unknown) => rebuildTensor(storage, offset, size, stride),
    "torch._utils._rebuild_parameter": (data: unknown, requires_grad: unknown) => {
      if (!(data instanceof Tensor)) throw new UnpicklingError("_rebuild_parameter: data is not a tensor");
      if (requires_grad === true && data.dtype === "float32") data.requires_grad_(true);
      return data;
    },
    "torch._tensor._rebuild_from_type_v2": (func: unknown, _type: unknown, args: unknown) => {
      if (typeof func !== "function" || !Array.isArray(args)) throw new UnpicklingError("_rebuild_from_type_v2: malformed arguments");
      return (func as (...a: unknown[]) => unknown)(...args);
    },
    "torch.nn.parameter.Parameter": "Parameter",
    "torch.Tensor": "Tensor",
    "_codecs.encode": (s: unknown, enc: unknown) => Buffer.from(String(s), enc === "latin1" ? "latin1" : "utf8"),
  };
  for (const [name, dtype] of Object.entries(STORAGES)) globals[`torch.${name}`] = new StorageType(dtype);

  const value = unpickle(zip.read(pkl), {
    findClass(module, name) {
      const key = `${module}.${name}`;
      if (!(key in globals)) {
        throw new UnpicklingError(`unsupported pickle global '${key}': torchlab reads state_dicts, optimizer states and plain containers of tensors, numbers and strings`);
      }
      return globals[key];
    },
    persistentLoad(pid) {
      if (!Array.isArray(pid) || pid[0] !== "storage" || pid.length < 5) {
        throw new UnpicklingError(`unsupported persistent id ${JSON.stringify(pid)}: only PyTorch storages are supported`);
      }
      const [, type, key, , numel] = pid as [string, unknown, string, string, number];
      if (!(type instanceof StorageType)) throw new UnpicklingError(`persistent id names an unknown storage type (${String(type)})`);
      const k = String(key);
      const cached = storages.get(k);
      if (cached) return cached;
      const bytes = zip.read(`${prefix}data/${k}`);
      const itemsize = ITEMSIZE[type.dtype];
      if (bytes.length !== numel * itemsize) {
        throw new UnpicklingError(`storage data/${k} has ${bytes.length} bytes, expected ${numel} ${type.dtype} elements (${numel * itemsize} bytes)`);
      }
      const s = new Storage(k, type.dtype, bytes, numel);
      storages.set(k, s);
      return s;
    },
  });
  return toJs(value);
}

const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A tensor's storage bytes as PyTorch stores them: float32 and bool as they are, int32 widened to
 * int64 (LongStorage), because PyTorch's integer buffers (BatchNorm's num_batches_tracked, index
 * tensors) are int64 and load_state_dict refuses no dtype but keeps the buffer's.
 */
function storageOf(t: Tensor): { type: string; bytes: Uint8Array } {
  const data = t.dataSync();
  if (t.dtype === "int32") {
    const out = Buffer.alloc(data.length * 8);
    for (let i = 0; i < data.length; i++) {
      out.writeInt32LE(data[i], i * 8);
      out.writeInt32LE(data[i] < 0 ? -1 : 0, i * 8 + 4);
    }
    return { type: "LongStorage", bytes: out };
  }
  // dataSync's array type need not follow the dtype (tfjs's cpu backend casts int32 to float32
  // without converting the buffer), so the bytes come from values, never from a reinterpretation.
  if (t.dtype === "bool") return { type: "BoolStorage", bytes: data instanceof Uint8Array ? data : Uint8Array.from(data, (v) => (v ? 1 : 0)) };
  const f32 = data instanceof Float32Array ? data : Float32Array.from(data);
  if (LITTLE) return { type: "FloatStorage", bytes: new Uint8Array(f32.buffer, f32.byteOffset, f32.byteLength) };
  const out = Buffer.alloc(f32.length * 4);
  for (let i = 0; i < f32.length; i++) out.writeFloatLE(f32[i], i * 4);
  return { type: "FloatStorage", bytes: out };
}

/** JavaScript's own array-index keys ("0", "17"): written as Python ints (optimizer state is keyed by int). */
const INDEX_KEY = /^(0|[1-9][0-9]{0,15})$/;

/**
 * Serialises `obj` to the bytes of a PyTorch zip checkpoint: `archive/data.pkl` (pickle protocol 2),
 * `archive/data/<key>` (one storage per tensor, raw little-endian) and `archive/version` ("3").
 * Objects whose values are all tensors (state_dicts) become `collections.OrderedDict`, other
 * objects `dict`, arrays `list`. A number is a Python int when it is a safe integer (and not -0),
 * otherwise a float; bigints are ints.
 */
export function encodePyTorchZip(obj: unknown): Buffer {
  const tree = toTree(obj);
  const p = new Pickler();
  const storages: { name: string; data: Uint8Array }[] = [];
  const keys = new Map<Tensor, string>();

  const tensor = (t: Tensor): void => {
    const shape = t.shape;
    const strides = new Array<number>(shape.length);
    for (let k = shape.length - 1, s = 1; k >= 0; k--) {
      strides[k] = s;
      s *= shape[k];
    }
    const numel = shape.reduce((a, b) => a * b, 1);
    let key = keys.get(t);
    const fresh = key === undefined;
    if (key === undefined) {
      key = String(storages.length);
      keys.set(t, key);
    }
    const st = storageOf(t);
    if (fresh) storages.push({ name: `archive/data/${key}`, data: st.bytes });
    p.global("torch._utils", "_rebuild_tensor_v2");
    p.mark();
    p.mark();
    p.str("storage");
    p.global("torch", st.type);
    p.str(key);
    p.str("cpu");
    p.int(numel);
    p.tuple();
    p.binpersid();
    p.int(0);
    p.mark();
    shape.forEach((d) => p.int(d));
    p.tuple();
    p.mark();
    strides.forEach((d) => p.int(d));
    p.tuple();
    p.bool(t.requires_grad);
    p.global("collections", "OrderedDict");
    p.emptyTuple();
    p.reduce();
    p.tuple();
    p.reduce();
  };

  const write = (node: TreeNode): void => {
    switch (node.kind) {
      case "tensor":
        return tensor(node.t);
      case "list":
        p.emptyList();
        if (node.items.length) {
          p.mark();
          node.items.forEach(write);
          p.appends();
        }
        return;
      case "dict": {
        const stateDict = node.entries.length > 0 && node.entries.every(([, v]) => v.kind === "tensor");
        if (stateDict) {
          p.global("collections", "OrderedDict");
          p.emptyTuple();
          p.reduce();
        } else p.emptyDict();
        if (node.entries.length) {
          p.mark();
          for (const [k, v] of node.entries) {
            if (INDEX_KEY.test(k) && Number.isSafeInteger(Number(k))) p.int(Number(k));
            else p.str(k);
            write(v);
          }
          p.setitems();
        }
        return;
      }
      case "value": {
        const v = node.v;
        if (v === null) p.none();
        else if (typeof v === "boolean") p.bool(v);
        else if (typeof v === "string") p.str(v);
        else if (typeof v === "bigint") p.int(v);
        else if (Number.isSafeInteger(v) && !Object.is(v, -0)) p.int(v);
        else p.float(v);
        return;
      }
    }
  };
  write(tree);
  return writeZip([
    { name: "archive/data.pkl", data: p.finish() },
    ...storages,
    { name: "archive/version", data: Buffer.from("3\n") },
  ]);
}
