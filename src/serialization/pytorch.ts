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
import { Tensor, type DType, normalizeDtype } from "../tensor/tensor";
import * as D from "../tensor/dtype";
import { from_typed } from "../ops/creation";
import { formatOf, formatStrides, memoryOrder, suggestFormat } from "../tensor/memory_format";
import { sparse_coo_tensor, type SparseTensor } from "../tensor/sparse";
import { ZipReader, writeZip } from "./zip";
import { unpickle, PyDict, PyFloat, UnpicklingError, Pickler, pyRepr, pyTuples } from "./pickle";
import { asPyIntKeyed, asPyTuple } from "../pyrepr";
import { plainDict, readableDict } from "./inspect";
import { PyNode, toPyTree } from "./tree";
import { Parameter } from "../nn/parameter";
import { Module } from "../nn/modules/module";
import { ModuleClass, findModuleClass, mainLacks, rebuildModule } from "./modules";
import { AttributeError } from "../errors";

type TorchDtype = "float32" | "float64" | "float16" | "bfloat16" | "int64" | "int32" | "int16" | "int8" | "uint8" | "bool";

const ITEMSIZE: Record<TorchDtype, number> = { float32: 4, float64: 8, float16: 2, bfloat16: 2, int64: 8, int32: 4, int16: 2, int8: 1, uint8: 1, bool: 1 };

const STORAGES: Record<string, TorchDtype> = {
  FloatStorage: "float32", DoubleStorage: "float64", HalfStorage: "float16", BFloat16Storage: "bfloat16",
  LongStorage: "int64", IntStorage: "int32", ShortStorage: "int16", CharStorage: "int8", ByteStorage: "uint8", BoolStorage: "bool",
};

class StorageType {
  constructor(readonly dtype: TorchDtype) {}
}

/** A storage read from `data/<key>`: raw bytes and the element type its first use gave it. */
class Storage {
  constructor(readonly key: string, readonly dtype: TorchDtype, readonly bytes: Buffer, readonly numel: number) {}
}

/** One persistent reference to a storage, with the element type and count that reference claims. */
class StorageRef {
  constructor(readonly storage: Storage, readonly dtype: TorchDtype, readonly numel: number) {}
}

/**
 * A tensor as `_rebuild_tensor_v2` describes it: a view (offset, size, stride) of a storage. It is
 * checked and materialised when the loaded object is converted (toJs), where its place in the
 * object is known, so that errors name it ('layer.weight') and identical views become one tensor.
 */
class TensorRef {
  requiresGrad = false;
  /** Made by `_rebuild_parameter`: loads as an nn.Parameter, as in PyTorch. */
  parameter = false;
  constructor(readonly ref: StorageRef, readonly offset: unknown, readonly size: unknown[], readonly stride: unknown[]) {}
}

/** A sparse COO tensor as `_rebuild_sparse_tensor(layout, (indices, values, size))` describes it. */
class SparseRef {
  constructor(readonly indices: TensorRef, readonly values: TensorRef, readonly size: number[]) {}
}
const SPARSE_COO_LAYOUT = Symbol("torch.sparse_coo");

/**
 * How many elements a checkpoint's tensors may hold in all, beyond the storages the file carries:
 * PyTorch's tensors view their storage (an expanded or zero-stride tensor costs nothing there),
 * torchlab's own their memory, so overlapping views are copied out. Four times the stored elements
 * plus 2^24 covers tied weights and small expanded tensors; a 531-byte file asking for a
 * 30000x30000 tensor of one stored element is refused before anything is allocated.
 */
const VIEW_OVERHEAD = 4;
const VIEW_SLACK = 2 ** 24;

/** Python's nesting is iterative; converting here recurses, so nesting deeper than any checkpoint has is refused. */
const MAX_DEPTH = 1000;

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

/** Element `i` of a storage as a JS number (or bigint-range-checked int). */
function reader(st: Storage, where: string): (i: number) => number {
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
          throw new RangeError(`int64 value ${v} in storage data/${st.key} does not fit torchlab's int32 (${where})`);
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
      return (i) => b[i];
    case "bool":
      return (i) => (b[i] ? 1 : 0);
  }
}

/** A module class a global resolved to (see ./modules.ts); NEWOBJ or copyreg._reconstructor make a module of it. */
class ClassRef {
  constructor(readonly qualname: string, readonly cls: ModuleClass) {}
}

/** Python's `object`, which copyreg._reconstructor names as the base whose `__new__` it calls. */
const PY_OBJECT = Object.freeze({ python: "builtins.object" });

/** A module created by NEWOBJ, waiting for BUILD to give it its `__dict__`; rebuilt when the object is converted. */
class ModuleStub {
  state: PyDict | undefined;
  constructor(readonly ref: ClassRef) {}
  __setstate__(state: unknown): void {
    if (this.state !== undefined) throw new UnpicklingError(`pickle BUILD sets the state of a ${this.ref.qualname} twice`);
    if (!(state instanceof PyDict)) throw new UnpicklingError(`pickle BUILD gives a ${this.ref.qualname} the state ${pyRepr(state)}; a module's state is its __dict__`);
    this.state = state;
  }
}

/** The most modules a loaded tree may expand to (counting a shared module once per place), as state_dict() and repr walk it. */
const MAX_MODULE_PATHS = 2 ** 20;

const isIndex = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

/** Loading state shared by the tensors of one file: the element budget of overlapping views. */
interface Budget {
  stored: number;
  materialised: number;
}

/** Checks a tensor view against its storage and copies its elements out. `name` is its place in the object ('' at the top). */
function materialise(t: TensorRef, name: string, budget: Budget): Tensor {
  const { storage } = t.ref;
  const what = name ? `tensor '${name}'` : "tensor";
  const sizeStr = `[${t.size.map((d) => pyRepr(d)).join(", ")}]`;
  const strideStr = `[${t.stride.map((d) => pyRepr(d)).join(", ")}]`;
  if (t.ref.dtype !== storage.dtype || t.ref.numel !== storage.numel) {
    throw new UnpicklingError(
      `${what} uses storage data/${storage.key} as ${t.ref.numel} ${t.ref.dtype} elements, but another tensor uses it as ${storage.numel} ${storage.dtype} elements: one storage cannot hold two types (the file is malformed)`,
    );
  }
  if (!isIndex(t.offset)) throw new UnpicklingError(`${what} has storage offset ${pyRepr(t.offset)}; offsets are non-negative integers (the file is malformed)`);
  if (!t.size.every(isIndex)) throw new UnpicklingError(`${what} has size ${sizeStr}; sizes are non-negative integers (the file is malformed)`);
  if (!t.stride.every(isIndex)) {
    throw new UnpicklingError(`${what} of size ${sizeStr} has stride ${strideStr}; strides are non-negative integers (PyTorch has no negative strides; the file is malformed)`);
  }
  const shape = t.size as number[];
  const strides = t.stride as number[];
  const offset = t.offset;
  const numel = shape.reduce((a, b) => a * b, 1);
  // The furthest element addressed must lie inside the storage.
  if (numel > 0) {
    const last = offset + shape.reduce((acc, d, k) => acc + (d - 1) * strides[k], 0);
    if (last >= storage.numel) {
      throw new UnpicklingError(`${what} of size ${sizeStr} (offset ${offset}, stride ${strideStr}) reaches past the end of storage data/${storage.key} (${storage.numel} elements)`);
    }
  }
  if (budget.materialised + numel > VIEW_OVERHEAD * budget.stored + VIEW_SLACK) {
    throw new UnpicklingError(
      `${what} of size ${sizeStr} (stride ${strideStr}) views storage data/${storage.key} of ${storage.numel} elements; with the file's other tensors that is ${budget.materialised + numel} elements to copy out of ${budget.stored} stored, more than ${VIEW_OVERHEAD}x plus ${VIEW_SLACK}: torchlab tensors own their memory (PyTorch's would share the storage), so the file is refused rather than expanded`,
    );
  }
  budget.materialised += numel;
  const read = reader(storage, what);
  const isFloat = storage.dtype.startsWith("float") || storage.dtype === "bfloat16";
  const out = isFloat ? new Float32Array(numel) : storage.dtype === "bool" ? new Uint8Array(numel) : new Int32Array(numel);
  // Nearly every checkpoint tensor is a contiguous float32 view: its bytes are copied as they are
  // (element by element, a resnet18 took seconds).
  let contiguous = true;
  for (let k = shape.length - 1, s = 1; k >= 0; k--) {
    if (shape[k] !== 1 && strides[k] !== s) contiguous = false;
    s *= shape[k];
  }
  if (contiguous && storage.dtype === "float32" && LITTLE) {
    new Uint8Array(out.buffer).set(storage.bytes.subarray(offset * 4, (offset + numel) * 4));
    return wrap(out, shape, t, D.float32);
  }
  const idx = new Array<number>(shape.length).fill(0);
  for (let n = 0; n < numel; n++) {
    let at = offset;
    for (let k = 0; k < shape.length; k++) at += idx[k] * strides[k];
    out[n] = read(at);
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  // IntStorage loads as torch.int32, LongStorage as int64, Short / Char / Byte as int16 / int8 / uint8.
  // DoubleStorage loads as float64 (rounded to float32 precision); Half and BFloat16 as float32.
  return wrap(out, shape, t, storage.dtype === "float64" ? D.float64 : isFloat ? D.float32 : normalizeDtype(storage.dtype));
}

function wrap(out: Float32Array | Int32Array | Uint8Array, shape: number[], t: TensorRef, dtype: DType): Tensor {
  const tensor = from_typed(out, shape, { dtype });
  // A channels-last tensor in the file (dense, with channels-last strides) loads channels last, as in PyTorch.
  const fmt = suggestFormat(shape, t.stride as number[]);
  if (fmt !== null && formatStrides(shape, fmt).every((d, k) => shape[k] === 1 || d === t.stride[k])) tensor._memfmt = fmt;
  if (t.parameter) return new Parameter(tensor, t.requiresGrad && dtype.is_floating_point);
  if (t.requiresGrad && dtype.is_floating_point) tensor.requires_grad_(true);
  return tensor;
}

function rebuildTensor(storage: unknown, offset: unknown, size: unknown, stride: unknown): TensorRef {
  if (!(storage instanceof StorageRef)) throw new UnpicklingError("_rebuild_tensor_v2: the first argument is not a storage");
  if (!Array.isArray(size) || !Array.isArray(stride) || size.length !== stride.length) {
    throw new UnpicklingError(`_rebuild_tensor_v2: malformed size ${pyRepr(size)} or stride ${pyRepr(stride)} (storage data/${storage.storage.key})`);
  }
  return new TensorRef(storage, offset, size, stride);
}

/** A dict key as a JavaScript property name: str keys as they are, ints (optimizer state) as their digits. */
function keyString(k: unknown, where: string): string {
  if (typeof k === "string") return k;
  if (k instanceof PyFloat) return String(k.value);
  if (typeof k === "number" || typeof k === "bigint") return String(k);
  if (typeof k === "boolean") return k ? "True" : "False";
  if (k === null) return "None";
  if (Array.isArray(k) && k.length <= 16 && k.every((x) => typeof x === "string" || typeof x === "number" || typeof x === "bigint")) return k.join(",");
  throw new UnpicklingError(`dict ${where} has the key ${pyRepr(k)}, which torchlab cannot turn into an object key (str and int keys are supported)`);
}

/**
 * Converts unpickled values to torchlab's: dicts to prototype-free objects (a key such as
 * "__proto__" or "constructor" is an ordinary key), tuples to arrays, tensor views to tensors.
 * Shared references stay shared, as in Python: a value reached twice is converted once (a pickle's
 * memo can make a 500-byte file whose tree, expanded, has 10^9 nodes).
 */
function toJs(root: unknown, stored: number): unknown {
  const done = new Map<object, unknown>();
  const views = new Map<string, Tensor>();
  const budget: Budget = { stored, materialised: 0 };
  const building = new Set<ModuleStub>();
  const paths = new Map<Module, number>();
  const visit = (v: unknown, path: string[]): unknown => {
    const name = path.join(".");
    if (typeof v === "function") {
      // A bare global (a function or class of the allow-list), not a value it makes.
      throw new UnpicklingError(`the object holds a Python callable itself${name ? ` at '${name.slice(0, 200)}'` : ""}, not a value it makes; torchlab loads data only`);
    }
    if (v === null || typeof v !== "object") return v;
    const seen = done.get(v);
    if (seen !== undefined) return seen;
    if (path.length > MAX_DEPTH) throw new UnpicklingError(`the object nests deeper than ${MAX_DEPTH} levels at '${name.slice(0, 200)}...'`);
    if (v instanceof ClassRef) {
      // A class stored as a value (torchvision's ResNet keeps `_norm_layer = nn.BatchNorm2d`).
      done.set(v, v.cls);
      return v.cls;
    }
    if (v instanceof ModuleStub) {
      if (building.has(v)) throw new UnpicklingError(`module '${name.slice(0, 200)}' (${v.ref.qualname}) contains itself (a cycle); torchlab loads trees of modules`);
      if (v.state === undefined) throw new UnpicklingError(`module '${name.slice(0, 200) || "<root>"}' (${v.ref.qualname}) has no state (no BUILD follows its creation)`);
      const entries: [string, unknown][] = [];
      for (const [k, val] of v.state.map) {
        if (typeof k !== "string") throw new UnpicklingError(`module '${name.slice(0, 200) || "<root>"}' (${v.ref.qualname}) has the attribute name ${pyRepr(k)}, not a str`);
        entries.push([k, val]);
      }
      building.add(v);
      let m: Module;
      try {
        m = rebuildModule({ qualname: v.ref.qualname, cls: v.ref.cls, entries }, path, visit);
      } finally {
        building.delete(v);
      }
      // A module shared by many parents is one object, but state_dict(), repr and load_state_dict
      // walk every place it appears, as PyTorch does: a few hundred bytes of memo references
      // could make that walk 10^9 modules long.
      const count = 1 + m._module_entries().reduce((acc, [, c]) => acc + (paths.get(c) ?? 1), 0);
      if (count > MAX_MODULE_PATHS) {
        throw new UnpicklingError(`module '${name.slice(0, 200) || "<root>"}' (${v.ref.qualname}) expands to ${count} modules through shared sub-modules, more than ${MAX_MODULE_PATHS}; the file is refused rather than walked`);
      }
      paths.set(m, count);
      done.set(v, m);
      return m;
    }
    if (v === PY_OBJECT || v instanceof StorageType || v instanceof StorageRef) {
      throw new UnpicklingError(`the object holds a Python ${v === PY_OBJECT ? "class" : "storage"} itself${name ? ` at '${name.slice(0, 200)}'` : ""}, not a value; torchlab loads data only`);
    }
    if (v instanceof TensorRef) {
      // Identical views of one storage (tied weights) become one tensor, as they share memory in PyTorch.
      // (Only well-formed views get a key; materialise reports the others.)
      const plain = typeof v.offset === "number" && [...v.size, ...v.stride].every((d) => typeof d === "number");
      const key = plain ? `${v.ref.storage.key}\n${v.ref.dtype}\n${v.offset}\n${v.size.join(",")}\n${v.stride.join(",")}\n${v.requiresGrad}\n${v.parameter}` : "";
      const t = (plain ? views.get(key) : undefined) ?? materialise(v, name, budget);
      if (plain) views.set(key, t);
      done.set(v, t);
      return t;
    }
    if (v instanceof SparseRef) {
      // torch.sparse_coo_tensor validates the indices against the size, as PyTorch's loader does.
      const t = sparse_coo_tensor(visit(v.indices, [...path, "_indices"]) as Tensor, visit(v.values, [...path, "_values"]) as Tensor, v.size);
      done.set(v, t);
      return t;
    }
    if (v instanceof PyFloat) return v.value;
    if (v instanceof PyDict) {
      // An OrderedDict (a state_dict) shows and saves again as one; a plain dict stays a dict.
      const out = (v.ordered ? readableDict : plainDict)(Object.create(null) as Record<string, unknown>);
      done.set(v, out);
      const where = name ? `'${name}'` : "at the top";
      const original = new Map<string, unknown>();
      for (const [k, val] of v.map) {
        const ks = keyString(k, where);
        if (original.has(ks)) {
          throw new UnpicklingError(
            `dict ${where} has both the key ${pyRepr(original.get(ks))} and the key ${pyRepr(k)}, which are the same JavaScript key '${ks.slice(0, 80)}': loading it would silently drop one of the values`,
          );
        }
        original.set(ks, k);
        out[ks] = visit(val, [...path, ks]);
      }
      // A dict keyed by ints (an optimizer state's) prints with int keys again: {0: {...}}.
      if (v.map.size > 0 && [...v.map.keys()].every((k) => typeof k === "number" || typeof k === "bigint")) asPyIntKeyed(out);
      // OrderedDict._metadata (module versions) is kept out of the keys, as PyTorch keeps it out of items().
      for (const [k, val] of Object.entries(v.attrs)) {
        if (!original.has(k)) Object.defineProperty(out, k, { value: visit(val, [...path, k]), enumerable: false, writable: true, configurable: true });
      }
      return out;
    }
    if (Array.isArray(v)) {
      // A tuple (Adam's betas) prints as one: (0.9, 0.999).
      const out: unknown[] = pyTuples.has(v) ? asPyTuple([]) : [];
      done.set(v, out);
      for (let i = 0; i < v.length; i++) out.push(visit(v[i], [...path, String(i)]));
      return out;
    }
    return v;
  };
  return visit(root, []);
}

/** Whether `buf` starts like a zip archive. */
export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
}

/** Whether `buf` is PyTorch's legacy (pre-1.6, non-zip) format: a bare pickle stream. */
export function isLegacyPickle(buf: Buffer): boolean {
  return buf.length >= 2 && buf[0] === 0x80 && buf[1] >= 2 && buf[1] <= 5;
}

/**
 * torch.load's refusal of a whole module under `weights_only: true`, with PyTorch 1.13's text (it
 * reaches the caller as pickle's UnpicklingError, not wrapped with the file name).
 */
export class WeightsOnlyError extends UnpicklingError {
  override name = "UnpicklingError";
}

/** How torch.load reads a PyTorch checkpoint. */
export interface LoadOptions {
  /**
   * false (the default, as in PyTorch 1.13): also torchlab's layers and torchvision's models as
   * whole modules; true: tensors, containers and classes registered with `add_safe_globals` only.
   * Either way nothing the file names is called.
   */
  weights_only?: boolean;
}

/** Loads a PyTorch zip checkpoint from its bytes. Errors are thrown bare; the caller adds the file name. */
export function loadPyTorchZip(buf: Buffer, options: LoadOptions = {}): unknown {
  const weightsOnly = options.weights_only === true;
  const zip = new ZipReader(buf);
  const pkl = zip.names().find((n) => n === "data.pkl" || n.endsWith("/data.pkl"));
  if (pkl === undefined) throw new UnpicklingError(`zip archive has no data.pkl (entries: ${zip.names().slice(0, 8).join(", ")}); it is not a PyTorch checkpoint`);
  const prefix = pkl.slice(0, pkl.length - "data.pkl".length);
  const orderEntry = zip.entries.has(prefix + "byteorder") ? zip.read(prefix + "byteorder").toString("latin1").trim() : "little";
  if (orderEntry !== "little") throw new UnpicklingError(`checkpoint was written with byteorder '${orderEntry.slice(0, 40)}'; only little-endian checkpoints are supported`);
  const storages = new Map<string, Storage>();
  let stored = 0;

  const globals = new Map<string, unknown>([
    ["collections.OrderedDict", () => Object.assign(new PyDict(), { ordered: true })],
    ["builtins.dict", () => new PyDict()],
    [
      "torch._utils._rebuild_tensor_v2",
      (storage: unknown, offset: unknown, size: unknown, stride: unknown, requires_grad: unknown) => {
        const t = rebuildTensor(storage, offset, size, stride);
        t.requiresGrad = requires_grad === true;
        return t;
      },
    ],
    ["torch._utils._rebuild_tensor", (storage: unknown, offset: unknown, size: unknown, stride: unknown) => rebuildTensor(storage, offset, size, stride)],
    [
      "torch._utils._rebuild_parameter",
      (data: unknown, requires_grad: unknown) => {
        if (!(data instanceof TensorRef)) throw new UnpicklingError("_rebuild_parameter: data is not a tensor");
        data.requiresGrad = requires_grad === true;
        data.parameter = true;
        return data;
      },
    ],
    [
      "copyreg._reconstructor",
      (cls: unknown, base: unknown, state: unknown) => {
        // copyreg's protocol-0/1 form of object.__new__(cls): only for module classes, on object, with no state.
        if (!(cls instanceof ClassRef) || base !== PY_OBJECT || state !== null) {
          throw new UnpicklingError(`copyreg._reconstructor(${pyRepr(cls)}, ${pyRepr(base)}, ${pyRepr(state)}): torchlab reconstructs only module classes on object`);
        }
        return new ModuleStub(cls);
      },
    ],
    ["builtins.object", PY_OBJECT],
    ["__builtin__.object", PY_OBJECT],
    ["builtins.set", setOf],
    ["__builtin__.set", setOf],
    ["builtins.frozenset", setOf],
    ["__builtin__.frozenset", setOf],
    [
      "torch._tensor._rebuild_from_type_v2",
      (func: unknown, _type: unknown, args: unknown) => {
        if (typeof func !== "function" || !Array.isArray(args)) throw new UnpicklingError("_rebuild_from_type_v2: malformed arguments");
        return (func as (...a: unknown[]) => unknown)(...args);
      },
    ],
    [
      "torch.serialization._get_layout",
      (name: unknown) => {
        if (name !== "torch.sparse_coo") throw new UnpicklingError(`tensor layout ${pyRepr(name)}: torchlab loads strided and sparse_coo tensors`);
        return SPARSE_COO_LAYOUT;
      },
    ],
    [
      "torch.Size",
      (dims: unknown) => {
        if (!Array.isArray(dims) || !dims.every(isIndex)) throw new UnpicklingError(`torch.Size(${pyRepr(dims)}): sizes are non-negative integers`);
        return dims;
      },
    ],
    [
      "torch._utils._rebuild_sparse_tensor",
      (layout: unknown, data: unknown) => {
        const [indices, values, size] = Array.isArray(data) ? data : [];
        if (layout !== SPARSE_COO_LAYOUT || !(indices instanceof TensorRef) || !(values instanceof TensorRef) || !Array.isArray(size) || !size.every(isIndex)) {
          throw new UnpicklingError("_rebuild_sparse_tensor: torchlab rebuilds sparse_coo tensors from (indices, values, size)");
        }
        return new SparseRef(indices, values, size as number[]);
      },
    ],
    ["torch.nn.parameter.Parameter", "Parameter"],
    ["torch.Tensor", "Tensor"],
    [
      "_codecs.encode",
      (s: unknown, enc: unknown) => {
        if (typeof s !== "string") throw new UnpicklingError(`_codecs.encode of a ${pyRepr(s)}, not a str`);
        return Buffer.from(s, enc === "latin1" ? "latin1" : "utf8");
      },
    ],
  ]);
  for (const [name, dtype] of Object.entries(STORAGES)) globals.set(`torch.${name}`, new StorageType(dtype));

  const value = unpickle(zip.read(pkl), {
    findClass(module, name) {
      const key = `${module}.${name}`;
      if (globals.has(key)) return globals.get(key);
      const found = findModuleClass(module, name);
      if (found && (found.registered || !weightsOnly)) return new ClassRef(key, found.cls);
      const shown = key.slice(0, 200);
      if (found) {
        throw new WeightsOnlyError(
          `Weights only load failed. Re-running \`torch.load\` with \`weights_only\` set to \`False\` will likely succeed, but it can result in arbitrary code execution.Do it only if you get the file from a trusted source. WeightsUnpickler error: Unsupported class ${shown}`,
        );
      }
      const cls = name.slice(0, 80);
      // PyTorch 1.13's unpickler imports the class from the notebook; a notebook without it: the course's "trap".
      if (!weightsOnly && mainLacks(module, name)) throw new AttributeError(`Can't get attribute '${cls}' on <module '__main__'>`);
      throw new UnpicklingError(
        weightsOnly
          ? `unsupported pickle global '${shown}': torchlab reads state_dicts, optimizer states and plain containers of tensors, numbers and strings; a whole module of your own class needs the class registered (torch.serialization.add_safe_globals([${cls}])) and, for torchlab's layers inside it, {weights_only: false}`
          : `unsupported pickle global '${shown}': torchlab rebuilds only torch.nn layers, torchvision models and classes registered with torch.serialization.add_safe_globals, and calls nothing else a file names; if '${shown}' is an nn.Module subclass of your own, define it with the same attribute names and register it: torch.serialization.add_safe_globals([${cls}]) (a class registers as "__main__.${cls}"; give another name as [[${cls}, "${shown}"]])`,
      );
    },
    newobj(cls, args) {
      if (cls instanceof ClassRef) {
        if (args.length) throw new UnpicklingError(`pickle NEWOBJ of ${cls.qualname} with ${args.length} arguments; modules are created without arguments`);
        return new ModuleStub(cls);
      }
      throw new UnpicklingError(`pickle NEWOBJ of ${pyRepr(cls)}: torchlab creates only module classes this way`);
    },
    persistentLoad(pid) {
      if (!Array.isArray(pid) || pid[0] !== "storage" || pid.length < 5) {
        throw new UnpicklingError(`unsupported persistent id ${pyRepr(pid)}: only PyTorch storages are supported`);
      }
      const [, type, key, , numel] = pid as unknown[];
      if (!(type instanceof StorageType)) throw new UnpicklingError(`persistent id names an unknown storage type (${pyRepr(type)})`);
      if (typeof key !== "string" && !(typeof key === "number" && Number.isSafeInteger(key))) throw new UnpicklingError(`persistent id names storage ${pyRepr(key)}; storage keys are strings`);
      if (!isIndex(numel)) throw new UnpicklingError(`storage data/${key} has element count ${pyRepr(numel)}; counts are non-negative integers`);
      const k = String(key);
      const cached = storages.get(k);
      // A second use with another type is reported by the tensor that makes it (materialise), which has a name.
      if (cached) return new StorageRef(cached, type.dtype, numel);
      const name = `${prefix}data/${k}`;
      const itemsize = ITEMSIZE[type.dtype];
      // The size is known before the entry is read, so a lying entry is refused before it is inflated.
      const size = zip.entries.get(name)?.size;
      if (size !== undefined && size !== numel * itemsize) {
        throw new UnpicklingError(`storage data/${k} has ${size} bytes, expected ${numel} ${type.dtype} elements (${numel * itemsize} bytes)`);
      }
      const bytes = zip.read(name);
      const s = new Storage(k, type.dtype, bytes, numel);
      storages.set(k, s);
      stored += numel;
      return new StorageRef(s, type.dtype, numel);
    },
  });
  return toJs(value, stored);
}

/** `set(iterable)` as Python's pickler writes a set in protocol 2; sets load as arrays. */
function setOf(items: unknown): unknown[] {
  if (!Array.isArray(items)) throw new UnpicklingError(`set(${pyRepr(items)}): expected a list of items`);
  return items.slice();
}

const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A tensor's storage bytes as PyTorch stores them: float32, int32 (IntStorage) and bool as they are,
 * uint8 / int8 / int16 narrowed to their 1 or 2 bytes (ByteStorage, CharStorage, ShortStorage),
 * float64 (held in float32 here) widened to 8-byte doubles (DoubleStorage),
 * int64 (held in 32 bits here) sign-extended to 8 bytes (LongStorage), so BatchNorm's
 * num_batches_tracked and index tensors load in PyTorch as the int64 they are there.
 */
function storageOf(t: Tensor): { type: string; bytes: Uint8Array } {
  const data = t.dataSync();
  if (t.dtype === D.int32) {
    const out = Buffer.alloc(data.length * 4);
    for (let i = 0; i < data.length; i++) out.writeInt32LE(data[i], i * 4);
    return { type: "IntStorage", bytes: out };
  }
  if (t.dtype._range !== null) {
    // uint8 / int8 / int16 (held in int32 here) at their own width: ByteStorage, CharStorage, ShortStorage.
    const out = Buffer.alloc(data.length * t.dtype.itemsize);
    for (let i = 0; i < data.length; i++) {
      if (t.dtype === D.uint8) out.writeUInt8(data[i], i);
      else if (t.dtype === D.int8) out.writeInt8(data[i], i);
      else out.writeInt16LE(data[i], i * 2);
    }
    return { type: `${t.dtype._typeName}Storage`, bytes: out };
  }
  if (t.dtype._tf === "int32") {
    const out = Buffer.alloc(data.length * 8);
    for (let i = 0; i < data.length; i++) {
      out.writeInt32LE(data[i], i * 8);
      out.writeInt32LE(data[i] < 0 ? -1 : 0, i * 8 + 4);
    }
    return { type: "LongStorage", bytes: out };
  }
  // dataSync's array type need not follow the dtype (tfjs's cpu backend casts int32 to float32
  // without converting the buffer), so the bytes come from values, never from a reinterpretation.
  if (t.dtype._tf === "bool") return { type: "BoolStorage", bytes: data instanceof Uint8Array ? data : Uint8Array.from(data, (v) => (v ? 1 : 0)) };
  const f32 = data instanceof Float32Array ? data : Float32Array.from(data);
  if (t.dtype === D.float64) {
    const out = Buffer.alloc(f32.length * 8);
    for (let i = 0; i < f32.length; i++) out.writeDoubleLE(f32[i], i * 8);
    return { type: "DoubleStorage", bytes: out };
  }
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
 * A state_dict() (marked as an OrderedDict, see src/pyrepr.ts's PY_MAPPING) becomes
 * `collections.OrderedDict`, other objects `dict` (a plain object of tensors too, as PyTorch loads
 * `torch.save({"w": w})`), arrays `list`. A number is a Python int when it is a safe integer (and not -0),
 * otherwise a float; bigints are ints.
 */
export function encodePyTorchZip(obj: unknown): Buffer {
  const tree = toPyTree(obj);
  const p = new Pickler();
  const storages: { name: string; data: Uint8Array }[] = [];
  const keys = new Map<Tensor, string>();
  // Python's pickler writes an object once and refers to it by its memo index after that: a module
  // or a parameter used twice (shared layers, tied weights) is one object again after loading.
  const memo = new Map<object, number>();

  const tensor = (t: Tensor, requiresGrad: boolean): void => {
    if (t.is_sparse) return sparse(t as SparseTensor);
    const shape = t.shape;
    const strides = new Array<number>(shape.length);
    for (let k = shape.length - 1, s = 1; k >= 0; k--) {
      strides[k] = s;
      s *= shape[k];
    }
    // A channels-last tensor is written as PyTorch writes it: its storage in memory order, with its strides.
    const fmt = formatOf(t);
    if (fmt !== null) formatStrides(shape, fmt).forEach((d, k) => (strides[k] = d));
    const numel = shape.reduce((a, b) => a * b, 1);
    let key = keys.get(t);
    const fresh = key === undefined;
    if (key === undefined) {
      key = String(storages.length);
      keys.set(t, key);
    }
    const st = storageOf(fmt === null ? t : t.detach().permute(...memoryOrder(fmt)).contiguous());
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
    p.bool(requiresGrad);
    p.global("collections", "OrderedDict");
    p.emptyTuple();
    p.reduce();
    p.tuple();
    p.reduce();
  };

  // Tensor.__reduce_ex__ of a sparse COO tensor: _rebuild_sparse_tensor(layout, (indices, values, size)).
  const sparse = (t: SparseTensor): void => {
    p.global("torch._utils", "_rebuild_sparse_tensor");
    p.mark();
    p.global("torch.serialization", "_get_layout");
    p.mark();
    p.str("torch.sparse_coo");
    p.tuple();
    p.reduce();
    p.mark();
    tensor(t._indices(), false);
    tensor(t._values(), false);
    p.global("torch", "Size");
    p.mark();
    p.mark();
    t.shape.forEach((d) => p.int(d));
    p.tuple();
    p.tuple();
    p.reduce();
    p.tuple();
    p.tuple();
    p.reduce();
  };

  const key = (k: string): void => {
    if (INDEX_KEY.test(k) && Number.isSafeInteger(Number(k))) p.int(Number(k));
    else p.str(k);
  };

  const write = (node: PyNode): void => {
    switch (node.kind) {
      case "tensor": {
        if (!node.param) return tensor(node.t, node.t.requires_grad);
        const at = memo.get(node.t);
        if (at !== undefined) return p.get(at);
        // Parameter.__reduce_ex__: _rebuild_parameter(data, requires_grad, backward_hooks), data without grad.
        p.global("torch._utils", "_rebuild_parameter");
        p.mark();
        tensor(node.t, false);
        p.bool(node.t.requires_grad);
        p.global("collections", "OrderedDict");
        p.emptyTuple();
        p.reduce();
        p.tuple();
        p.reduce();
        memo.set(node.t, p.lastMemo());
        return;
      }
      case "list":
        p.emptyList();
        if (node.items.length) {
          p.mark();
          node.items.forEach(write);
          p.appends();
        }
        return;
      case "tuple":
        if (node.items.length === 0) return p.emptyTuple();
        p.mark();
        node.items.forEach(write);
        p.tuple();
        return;
      case "set":
        // Protocol 2 has no set opcodes: set([...]) by REDUCE, as Python writes it.
        p.global("__builtin__", "set");
        p.mark();
        write({ kind: "list", items: node.items });
        p.tuple();
        p.reduce();
        return;
      case "dict": {
        if (node.ordered) {
          p.global("collections", "OrderedDict");
          p.emptyTuple();
          p.reduce();
        } else p.emptyDict();
        if (node.entries.length) {
          p.mark();
          for (const [k, v] of node.entries) {
            if (node.strKeys) p.str(k);
            else key(k);
            write(v);
          }
          p.setitems();
        }
        return;
      }
      case "float":
        return p.float(node.v);
      case "global":
        return p.global(node.module, node.name);
      case "object": {
        const at = memo.get(node.ref);
        if (at !== undefined) return p.get(at);
        // object.__reduce_ex__(2): cls.__new__(cls), then BUILD with the __dict__.
        p.global(node.module, node.name);
        p.emptyTuple();
        p.newobj();
        memo.set(node.ref, p.lastMemo());
        p.emptyDict();
        if (node.state.length) {
          p.mark();
          for (const [k, v] of node.state) {
            p.str(k);
            write(v);
          }
          p.setitems();
        }
        p.build();
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
