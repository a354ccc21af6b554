/**
 * Tensor creation. JavaScript has no float literal (`1.` is `1`), so an all-integer array becomes
 * int64 as in PyTorch unless `dtype` says otherwise; as in PyTorch, `requires_grad: true` on an
 * integer or bool result is an error (only floats can require gradients). The notebook dialect gives
 * `1.` Python's float meaning (kernel/float_literals.ts).
 */
import { tf, compute, numelOf, refuseInexactInt64, wrapInt, wrapIntValue } from "./_core";
import * as D from "../tensor/dtype";
import { Tensor, DType, normalizeDtype, checkDevice } from "../tensor/tensor";
import { Generator, default_generator } from "../tensor/random";
import { parseSizes, parseArgs, isOptions } from "../tensor/args";
import { RuntimeError, TypeError, ValueError } from "../errors";
import { fmaFloat32, fmaFloat64 } from "./float32";
import { withOut } from "../tensor/out";
import { is_grad_enabled } from "../autograd/grad_mode";
import * as MF from "../tensor/memory_format";
import { filledFloat32 } from "../backend/fill_buffer";
import { alias } from "./view";
import { as_strided } from "./shape_extra";
import type { ndarray } from "../tensor/ndarray";

export interface CreationOptions {
  dtype?: DType | string;
  requires_grad?: boolean;
  device?: unknown;
}
export interface RandomOptions extends CreationOptions {
  generator?: Generator;
  /** The shape as a keyword (`torch.rand(size=(2, 3))`). */
  size?: number[];
  /** Write the result into this tensor and return it (PyTorch's `out=`). */
  out?: Tensor | null;
}

/**
 * A number, a boolean, a one-element Tensor (taken as its value, as PyTorch does), an array as
 * `x.numpy()` gives it (a sequence of its values, as PyTorch reads a NumPy array in a list) or a list of these.
 */
export type NestedArray = number | boolean | Tensor | TypedArrayWithShape | NestedArray[];

/** What flattenNested learns of the dtype: a float Tensor item, the promoted dtype of the arrays, the plain values. */
interface Seen {
  seen: boolean;
  arrays: DType | null;
  scalars: (number | boolean)[];
}

function finish(t: tf.Tensor, options: CreationOptions, inRange = false): Tensor {
  if (options.device !== undefined && options.device !== null) {
    try {
      checkDevice(options.device);
    } catch (e) {
      t.dispose();
      throw e;
    }
  }
  // int32 and int64 share tfjs int32 storage: the asked-for dtype tells them apart. A narrow integer
  // dtype's values are wrapped into its range (arange(250, 260, uint8) runs on to 0, 1, ...).
  const dt = options.dtype !== undefined && options.dtype !== null ? normalizeDtype(options.dtype) : null;
  if (dt !== null && dt._range !== null && t.dtype === "int32" && !inRange) t = wrapInt(t, dt);
  const out = Tensor._wrap(t);
  if (dt !== null) out._s.dt = dt;
  if (options.requires_grad) {
    if (!out.dtype.is_floating_point) throw new RuntimeError(`${D.REQUIRES_GRAD_DTYPE} (got dtype ${out.dtype})`);
    out.requires_grad_(true);
  }
  return out;
}

function flattenNested(data: NestedArray, shape: number[], out: (number | boolean)[], depth: number, floats: Seen): void {
  if (isTypedArrayWithShape(data)) {
    // `torch.Tensor([i[0] for i in training_data])` over NumPy arrays: each array is the nested list
    // of its values, and its dtype takes part in the inference as a tensor's would (uint8 stays uint8).
    if (data.shape.length > 0 && shape.length <= depth && out.length > 0) {
      throw new TypeError(`tensor(): expected a number at dim ${depth}, got an array of shape (${data.shape.join(", ")}): only size-1 arrays can be converted to Python scalars`);
    }
    data.shape.forEach((n, k) => {
      if (shape.length <= depth + k) shape.push(n);
      else if (shape[depth + k] !== n) throw new ValueError(`expected sequence of length ${shape[depth + k]} at dim ${depth + k} (got ${n})`);
    });
    if (shape.length !== depth + data.shape.length) throw new TypeError(`tensor(): not a sequence: expected a list at dim ${depth + data.shape.length}, got an array of shape (${data.shape.join(", ")})`);
    const d = numpyDtype(data);
    floats.arrays = floats.arrays === null ? d : D.promoteTypes(floats.arrays, d);
    const values = data.data as ArrayLike<number | bigint>;
    for (let i = 0; i < values.length; i++) out.push(Number(values[i]));
    return;
  }
  if (Array.isArray(data)) {
    // A list where an earlier sibling was a number ([1, [2]]): PyTorch's TypeError.
    if (shape.length <= depth && out.length > 0) throw new TypeError(`tensor(): expected a number at dim ${depth}, got a list`);
    if (shape.length <= depth) shape.push(data.length);
    else if (shape[depth] !== data.length) {
      throw new ValueError(`expected sequence of length ${shape[depth]} at dim ${depth} (got ${data.length})`);
    }
    for (const d of data) flattenNested(d, shape, out, depth + 1, floats);
  } else if (data instanceof Tensor) {
    // [topi[0][0], topi[1][0]]: PyTorch takes each one-element tensor's value, keeping its kind.
    if (depth !== shape.length) throw new TypeError(`tensor(): not a sequence: expected a list at dim ${depth}, got a Tensor`);
    if (data.numel() !== 1) throw new ValueError("only one element tensors can be converted to Python scalars");
    if (data.dtype.is_floating_point) floats.seen = true;
    out.push(data.item());
  } else {
    // A number where the nesting so far promises a list: PyTorch's TypeError.
    if (depth !== shape.length) throw new TypeError(`tensor(): not a sequence: expected a list at dim ${depth}, got ${String(data)}`);
    if (typeof data !== "number" && typeof data !== "boolean") {
      throw new TypeError(`Could not infer dtype of ${data === null ? "null" : typeof data}`);
    }
    out.push(data);
    floats.scalars.push(data);
  }
}

/**
 * An integer value `v` a tensor of dtype `d` is about to store. int64 lives in tfjs int32 buffers,
 * which would wrap a value past int32's range into a different number: a clear error instead.
 */
export function checkIntRange(op: string, d: DType, v: number): number {
  const r = d._range;
  // PyTorch's checked conversion of a Python number to a narrow integer type: past the type's range
  // is an overflow, except that an unsigned type takes negatives down to -max (-1 is uint8's 255).
  if (r !== null && (v > r[1] || v < (r[0] === 0 ? -r[1] : r[0]))) {
    throw new RuntimeError(`value cannot be converted to type ${d._name}${op === "tensor" ? "" : "_t"} without overflow`);
  }
  if (r !== null) return wrapIntValue(Math.trunc(v), d);
  v = Math.trunc(v);
  if (v > 2147483647 || v < -2147483648) {
    throw new RuntimeError(`${op}(): value ${v} is out of the range torchlab stores ${d} in (-2147483648 to 2147483647: int64 is held in 32 bits)`);
  }
  return v;
}

/** A whole number int32 holds: past that range a JavaScript "integer" (1e10, -1e30) is taken as a float. */
export function isInt32(v: number): boolean {
  return Number.isInteger(v) && v <= 2147483647 && v >= -2147483648;
}

function inferDtype(values: ArrayLike<number | boolean>): DType {
  let allBool = values.length > 0;
  let allInt = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "boolean") allBool = false;
    // A whole number past int32 (1e10, which JavaScript cannot tell from 10000000000) becomes float32:
    // int32, torchlab's int64, would wrap it to a wrong value.
    if (typeof v === "number" && !isInt32(v)) allInt = false;
  }
  if (allBool) return D.bool;
  return allInt && values.length > 0 ? D.int64 : D.defaultFloatDtype();
}

/** Python's sequence that is no array: `range(n)` (len() and getitem(i)). */
interface IndexedSequence {
  len(): number;
  getitem(i: number): number;
}

function isIndexedSequence(x: unknown): x is IndexedSequence {
  if (typeof x !== "object" || x === null || Array.isArray(x) || x instanceof Tensor) return false;
  const s = x as Partial<IndexedSequence>;
  return typeof s.len === "function" && typeof s.getitem === "function";
}

/**
 * Builds a tensor from (nested) arrays, typed arrays, a sequence such as `range(n)`, a number or a boolean.
 *
 * The dtype is inferred from the values: JavaScript has no `1.0` distinct from `1`, so
 * `torch.tensor([1.0, 2.0])` is an int32 tensor here (float32 in PyTorch). Pass
 * `{dtype: torch.float32}` where the values happen to be whole numbers but the tensor must be float.
 *
 * @example
 * torch.tensor([[1, 2], [3, 4]])                       // int32 (PyTorch: int64)
 * torch.tensor([[0.1, 0.2]], {requires_grad: true})  // float32 leaf
 * torch.tensor([1.0, 2.0], {dtype: torch.float32})   // float32 (without dtype: int32)
 */
export function tensor(data: NestedArray | ArrayLike<number> | Tensor | TypedArrayWithShape | IndexedSequence, options: CreationOptions = {}): Tensor {
  const o = parseArgs("tensor", [options], ["dtype", "requires_grad", "device"]) as CreationOptions;
  // `torch.tensor(range(100))`: PyTorch reads any sequence (len and item access), as a list of its items.
  if (isIndexedSequence(data)) return tensor(Array.from({ length: data.len() }, (_, i) => data.getitem(i)), options);
  let dtype = o.dtype !== undefined ? normalizeDtype(o.dtype) : undefined;
  // `B = torch.tensor(A)` with `A = X.numpy()`: PyTorch copies the ndarray, keeping its dtype.
  if (isTypedArrayWithShape(data)) return tensor(from_numpy(data, false), options);
  if (data instanceof Tensor) {
    return finish(compute(() => tf.cast(data._t, (dtype ?? data.dtype)._tf)), { ...o, dtype: dtype ?? data.dtype });
  }
  let flat: ArrayLike<number>;
  let shape: number[];
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
    const arr = data as unknown as ArrayLike<number>;
    shape = [arr.length];
    flat = arr;
    // NumPy's float64 arrays (torch.tensor(np.array([1.5]))) are float64 in PyTorch; Float64Array is their counterpart.
    dtype ??= data instanceof Float32Array ? D.float32 : data instanceof Float64Array ? D.float64 : D.int64;
  } else {
    shape = [];
    const values: (number | boolean)[] = [];
    const floats: Seen = { seen: false, arrays: null, scalars: [] };
    flattenNested(data as NestedArray, shape, values, 0, floats);
    if (!Array.isArray(data)) shape = [];
    const plain = floats.seen ? D.defaultFloatDtype() : inferDtype(floats.scalars);
    if (dtype === undefined) {
      // NumPy arrays in the list: their dtype, promoted with the plain values' when there are any (PyTorch's inference).
      dtype = floats.arrays === null ? (floats.seen ? plain : inferDtype(values)) : floats.seen || floats.scalars.length > 0 ? D.promoteTypes(floats.arrays, plain) : floats.arrays;
      // Whole numbers past int32 are held in float32: refused where float32 would round one.
      if (floats.arrays === null && !floats.seen && dtype._tf === "float32") refuseInexactInt64("tensor", values);
    }
    flat = values.map(Number);
  }
  if (o.requires_grad && dtype._tf !== "float32") {
    throw new RuntimeError(`${D.REQUIRES_GRAD_DTYPE} (got dtype ${dtype})`);
  }
  const d = dtype;
  return finish(
    compute(() => {
      if (d._tf === "bool") return tf.tensor(Array.from(flat, (v) => (v ? 1 : 0)), shape, "bool");
      if (d._tf === "int32") return tf.tensor(Int32Array.from(flat, (v) => checkIntRange("tensor", d, v)), shape, "int32");
      return tf.tensor(flat instanceof Float32Array ? flat : Float32Array.from(flat), shape, "float32");
    }),
    { ...o, dtype: d },
  );
}

function sized(op: string, args: unknown[]): { sizes: number[]; o: RandomOptions } {
  const { sizes, options } = parseSizes(op, args);
  const o = parseArgs(op, [options], ["dtype", "requires_grad", "device", "generator", "out"]) as RandomOptions;
  // Before anything is allocated: torch.rand(2**10, 3, 2**16, 2**16, {device: "meta"}) must not try.
  if (o.device !== undefined && o.device !== null) checkDevice(o.device);
  return { sizes, o };
}

function filled(op: string, sizes: number[], o: CreationOptions, value: number, fallback: DType = D.defaultFloatDtype()): Tensor {
  const dtype = o.dtype !== undefined ? normalizeDtype(o.dtype) : fallback;
  // Any nonzero fills a bool tensor with true (tfjs would store -1 as the byte 255).
  const v = dtype._tf === "bool" ? Number(value !== 0) : dtype._tf === "int32" ? checkIntRange(op, dtype, value) : value;
  return finish(compute(() => tf.fill(sizes, v, dtype._tf)), { ...o, dtype });
}

/** `out=` of a factory: PyTorch fills `out` in place, so a leaf that requires grad is refused as an in-place write is. */
function intoOut(op: string, result: Tensor, out: unknown): Tensor {
  if (out instanceof Tensor && out.requires_grad && out.grad_fn === null && is_grad_enabled()) {
    throw new RuntimeError("a leaf Variable that requires grad is being used in an in-place operation.");
  }
  return withOut(op, result, out);
}

/** Sizes as numbers, an array of them, or one-element integer tensors (PyTorch's `torch.zeros(n, lengths.max())`); then the options. */
export type SizeArgs = (number | Tensor | (number | Tensor)[] | (CreationOptions & { out?: Tensor | null; size?: number[] }))[];

/** @example torch.zeros(2, 3) ; torch.zeros([2, 3], {dtype: torch.int32}) */
export function zeros(...args: SizeArgs): Tensor {
  const { sizes, o } = sized("zeros", args);
  return intoOut("zeros", filled("zeros", sizes, o, 0), o.out);
}

export function ones(...args: SizeArgs): Tensor {
  const { sizes, o } = sized("ones", args);
  return intoOut("ones", filled("ones", sizes, o, 1), o.out);
}

/**
 * Uninitialised in PyTorch; zeros here (reading it is still a bug in the caller). `memory_format`
 * (torch.channels_last, ...) lays it out as PyTorch would (its strides; the values are the same).
 */
export function empty(...args: (number | Tensor | (number | Tensor)[] | (CreationOptions & { out?: Tensor | null; size?: number[]; memory_format?: MF.memory_format }))[]): Tensor {
  const last = args[args.length - 1];
  let fmt: MF.memory_format | undefined;
  if (isOptions(last) && "memory_format" in last) {
    const { memory_format, ...rest } = last as { memory_format?: MF.memory_format };
    fmt = memory_format === undefined ? undefined : MF.parseMemoryFormat("empty", memory_format);
    args = [...args.slice(0, -1), rest];
  }
  const { sizes, o } = sized("empty", args as SizeArgs);
  if (fmt === MF.preserve_format) throw new RuntimeError("unsupported memory format Preserve");
  if (fmt !== undefined) MF.checkRank(fmt, sizes);
  return intoOut("empty", withFormat(filled("empty", sizes, o, 0), fmt), o.out);
}

/** `t` laid out as `fmt` (undefined or contiguous_format: row-major). */
function withFormat(t: Tensor, fmt: MF.memory_format | undefined): Tensor {
  if (fmt !== undefined && fmt !== MF.contiguous_format) t._memfmt = fmt._name as MF.StoredFormat;
  return t;
}

/** The layout of a *_like result: `memory_format` (default torch.preserve_format: the layout `x`'s strides suggest). */
function likeFormat(op: string, x: Tensor, options: { memory_format?: MF.memory_format }): MF.memory_format {
  const fmt = options.memory_format === undefined ? MF.preserve_format : MF.parseMemoryFormat(op, options.memory_format);
  MF.checkRank(fmt, x.shape);
  if (fmt !== MF.preserve_format) return fmt;
  const s = MF.suggestFormat(x.shape, x.stride());
  return s === null ? MF.contiguous_format : s === "channels_last" ? MF.channels_last : MF.channels_last_3d;
}

/** Calls a *_like body with the options less `memory_format`, then lays the result out as likeFormat says. */
function like<O extends { memory_format?: MF.memory_format }>(op: string, x: Tensor, o: O, make: (rest: Omit<O, "memory_format">) => Tensor): Tensor {
  const { memory_format, ...rest } = o;
  const fmt = likeFormat(op, x, { memory_format });
  return withFormat(make(rest), fmt);
}

/**
 * A tensor of `size` filled with `fill_value`; both may be keywords, as PyTorch's
 * `torch.full(size=(N,), fill_value=T, dtype=torch.long)`.
 * @example torch.full([2, 3], 7)
 * @example torch.full({size: [16], fill_value: 50, dtype: torch.long})
 */
export function full(size: number[], fill_value: number | boolean, options?: CreationOptions): Tensor;
export function full(size: number[], options: CreationOptions & { fill_value: number | boolean }): Tensor;
export function full(options: CreationOptions & { size: number[]; fill_value: number | boolean }): Tensor;
export function full(...args: unknown[]): Tensor {
  // The keywords may carry the positional parameters (PyTorch's size=, fill_value=).
  const kw = isOptions(args[args.length - 1]) ? (args[args.length - 1] as Record<string, unknown>) : {};
  const { size: kwSize, fill_value: kwFill, ...options } = kw;
  const pos = isOptions(args[args.length - 1]) ? args.slice(0, -1) : args;
  const size = (pos.length >= 1 ? pos[0] : kwSize) as number[];
  const fill_value = (pos.length >= 2 ? pos[1] : kwFill) as number | boolean;
  const o = parseArgs("full", [options], ["dtype", "requires_grad", "device"]) as CreationOptions;
  if (!Array.isArray(size)) throw new TypeError("full(): argument 'size' must be an array of integers");
  if (typeof fill_value !== "number" && typeof fill_value !== "boolean") {
    const type = fill_value === null || fill_value === undefined ? "NoneType" : typeof fill_value === "string" ? "str" : Array.isArray(fill_value) ? "list" : typeof fill_value === "object" ? (fill_value as object).constructor?.name ?? "object" : typeof fill_value;
    throw new TypeError(`full(): argument 'fill_value' (position 2) must be Number, not ${type}`);
  }
  const neg = size.find((s) => s < 0);
  if (neg !== undefined) throw new RuntimeError(`full(): Trying to create tensor with negative dimension ${neg}: [${size.join(", ")}]`);
  // -1e30 is a whole number to JavaScript; int32 (torchlab's int64) would wrap it, so it fills float32.
  const fallback: DType = typeof fill_value === "boolean" ? D.bool : isInt32(fill_value) ? D.int64 : D.defaultFloatDtype();
  return filled("full", size, o, Number(fill_value), fallback);
}

function floatOnly(op: string, o: CreationOptions): void {
  if (o.dtype !== undefined && normalizeDtype(o.dtype)._tf !== "float32") {
    throw new TypeError(`${op}(): expected a floating point dtype, got ${String(o.dtype)}`);
  }
}

/** Uniform on [0, 1). */
export function rand(...args: (number | number[] | RandomOptions)[]): Tensor {
  const { sizes, o } = sized("rand", args);
  floatOnly("rand", o);
  const g = o.generator ?? default_generator;
  const dtype = o.dtype !== undefined ? normalizeDtype(o.dtype) : D.defaultFloatDtype();
  return intoOut("rand", finish(compute(() => filledFloat32(sizes, (out) => g.fill_uniform(out, 0, 1, dtype === D.float64))), { ...o, dtype }), o.out);
}

/** Standard normal. */
export function randn(...args: (number | number[] | RandomOptions)[]): Tensor {
  const { sizes, o } = sized("randn", args);
  floatOnly("randn", o);
  const g = o.generator ?? default_generator;
  const dtype = o.dtype !== undefined ? normalizeDtype(o.dtype) : D.defaultFloatDtype();
  return intoOut("randn", finish(compute(() => filledFloat32(sizes, (out) => g.fill_normal(out, 0, 1, dtype === D.float64))), { ...o, dtype }), o.out);
}

/**
 * Uniform integers in [low, high): `randint(high, size)` or `randint(low, high, size)`; any of them
 * may be a keyword, as PyTorch's `torch.randint(low=1, high=C, size=(N, S))`.
 * @example torch.randint(0, 10, [3])
 * @example torch.randint({low: 1, high: 20, size: [16, 30], dtype: torch.long})
 */
export function randint(...args: (number | number[] | (RandomOptions & { low?: number; high?: number }))[]): Tensor {
  let rest = args.slice();
  let options: RandomOptions = {};
  const last = rest[rest.length - 1];
  if (last !== undefined && typeof last === "object" && !Array.isArray(last)) {
    options = last as RandomOptions;
    rest = rest.slice(0, -1);
  }
  const o = parseArgs("randint", [options], ["dtype", "requires_grad", "device", "generator", "low", "high", "size"]) as RandomOptions & { low?: number; high?: number; size?: number[] };
  let low: number = o.low ?? 0;
  let high: number | undefined = o.high;
  let size: number[] | undefined = o.size;
  if (rest.length === 3) [low, high, size] = rest as [number, number, number[]];
  // randint(low, high, {size}) as PyTorch's keyword: two numbers are the bounds.
  else if (rest.length === 2 && !Array.isArray(rest[1])) [low, high] = rest as [number, number];
  else if (rest.length === 2) [high, size] = rest as [number, number[]];
  else if (rest.length === 1) {
    if (Array.isArray(rest[0])) size = rest[0];
    else high = rest[0] as number;
  }
  if (high === undefined || !Array.isArray(size)) throw new TypeError("randint() expects (high, size) or (low, high, size), e.g. torch.randint(0, 10, [3])");
  if (low >= high) throw new RuntimeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  const dtype = o.dtype !== undefined ? normalizeDtype(o.dtype) : D.int64;
  const lo = low;
  const hi = high;
  const n = numelOf(size);
  const buf = (o.generator ?? default_generator).fill_randint(dtype._tf === "float32" ? new Float32Array(n) : new Int32Array(n), lo, hi);
  return finish(compute(() => tf.tensor(buf, size as number[], dtype._tf === "float32" ? "float32" : "int32")), o);
}

/** A random permutation of 0..n-1 (int32, torchlab's int64; `dtype` may ask for float32). */
export function randperm(n: number, options: RandomOptions = {}): Tensor {
  const o = parseArgs("randperm", [n, options], ["n", "generator", "dtype", "device", "requires_grad"]) as RandomOptions & { n?: number };
  if (o.n === undefined) throw new TypeError("randperm() missing 1 required positional argument: 'n'");
  if (o.n < 0) throw new RuntimeError(`Trying to create tensor with negative dimension ${o.n}: [${o.n}]`);
  if (!Number.isInteger(o.n)) throw new TypeError(`randperm(): argument 'n' must be int, not ${o.n}`);
  const g = o.generator ?? default_generator;
  const p = g.randperm(o.n);
  const dtype = o.dtype !== undefined ? normalizeDtype(o.dtype) : D.int64;
  return finish(compute(() => tf.cast(tf.tensor1d(p, "int32"), dtype._tf)), o);
}

/**
 * `arange(end)`, `arange(start, end)`, `arange(start, end, step)`, each also by keyword
 * (`arange(0, 10, {step: 2, dtype: torch.float32})`); int32 when all are integers.
 */
export function arange(...args: (number | (CreationOptions & { start?: number; end?: number; step?: number }))[]): Tensor {
  const o = parseArgs("arange", args, ["start", "end", "step", "dtype", "device", "requires_grad"]);
  const options = o as CreationOptions;
  // A lone number is the end, as in PyTorch's arange(end) overload.
  if (o.end === undefined) [o.start, o.end] = [undefined, o.start];
  if (o.end === undefined) throw new TypeError("arange() expects (end), (start, end) or (start, end, step)");
  const nums = [o.start ?? 0, o.end, o.step ?? 1] as number[];
  if (!nums.every((v) => typeof v === "number")) throw new TypeError(`arange(): start, end and step must be numbers, got ${nums.map(String).join(", ")}`);
  let [start, end, step] = nums;
  // With an integer dtype PyTorch truncates start, end and step first (so a 0.5 step is 0).
  if (options.dtype !== undefined && normalizeDtype(options.dtype)._tf === "int32") [start, end, step] = [Math.trunc(start), Math.trunc(end), Math.trunc(step)];
  if (step === 0) throw new RuntimeError("arange(): step must be nonzero");
  if ((end - start) / step < 0) throw new RuntimeError(`arange(): upper bound and larger bound inconsistent with step sign (start=${start}, end=${end}, step=${step})`);
  const n = Math.ceil((end - start) / step);
  const allInt = nums.every(isInt32);
  const dtype = options.dtype !== undefined ? normalizeDtype(options.dtype) : allInt ? D.int64 : D.defaultFloatDtype();
  // Whole numbers past int32 (arange(0, 2 ** 33, 2 ** 31)) are int64 in PyTorch: float32 here, said so.
  if (options.dtype === undefined && !allInt && nums.every(Number.isInteger)) refuseInexactInt64("arange", Array.from({ length: n }, (_, i) => start + i * step));
  const values = dtype._tf === "float32" ? arangeFloat(start, step, n, dtype === D.float32) : Array.from({ length: n }, (_, i) => start + i * step);
  return finish(compute(() => tf.tensor1d(values, dtype._tf === "bool" ? "float32" : dtype._tf)), { ...options, dtype });
}

/**
 * PyTorch 1.13's floating arange on x86 CPUs, rounding for rounding (`torch.arange(-8.0, 8.0, 0.1)`
 * has 4.44e-16 where 0 is written, and so ReLU's gradient 1 there): start and step are doubles; the
 * first floor(n / 16) * 16 values come in vectors (8 float32 lanes, 4 float64) whose base is
 * fma(step, i, start) rounded to the dtype and whose lane k is fma(k, step, base); the rest are
 * fma(step, i, start) one by one. One range, as PyTorch runs below 32768 elements or on one thread
 * (above that, its threads split the range and the vectors start where each thread's part does).
 * Checked bit for bit against torch.arange (test/ops/arange_float.test.ts).
 */
function arangeFloat(start: number, step: number, n: number, float32: boolean): Float32Array {
  const out = new Float32Array(n);
  const lanes = float32 ? 8 : 4;
  const round = float32 ? Math.fround : (v: number): number => v;
  const vectorEnd = Math.floor(n / (2 * lanes)) * 2 * lanes;
  for (let b = 0; b < vectorEnd; b += lanes) {
    const base = round(fmaFloat64(step, b, start));
    for (let k = 0; k < lanes; k++) out[b + k] = fmaFloat64(k, step, base);
  }
  for (let i = vectorEnd; i < n; i++) out[i] = fmaFloat64(step, i, start);
  return out;
}

/**
 * `linspace(start, end, steps)`, each also by keyword: `linspace(0, 1, {steps: 5})`,
 * `linspace({start: 0.1, end: 1, steps: 10})`.
 */
export function linspace(...args: (number | (CreationOptions & { start?: number; end?: number; steps?: number }))[]): Tensor {
  const o = parseArgs("linspace", args, ["start", "end", "steps", "dtype", "device", "requires_grad"]);
  for (const name of ["start", "end", "steps"]) {
    if (o[name] === undefined) throw new TypeError(`linspace() missing 1 required positional argument: '${name}'`);
  }
  const { start: s, end: e, steps: n, ...rest } = o;
  let [start, end] = [s as number, e as number];
  const steps = n as number;
  const options = rest as CreationOptions;
  if (!Number.isInteger(steps) || steps < 0) throw new RuntimeError(`linspace(): number of steps must be non-negative, got ${steps}`);
  const dtype = options.dtype !== undefined ? normalizeDtype(options.dtype) : D.defaultFloatDtype();
  // An integer linspace runs between the truncated ends, as PyTorch's kernel does.
  if (dtype._tf === "int32") {
    start = Math.trunc(start);
    end = Math.trunc(end);
  }
  let values: Float32Array | number[];
  if (dtype === D.float32) values = linspaceFloat32(start, end, steps);
  else {
    const step = steps > 1 ? (end - start) / (steps - 1) : 0;
    // PyTorch fills the second half from the end so that the last value is exactly `end`.
    const half = Math.floor(steps / 2);
    values = steps === 1 ? [start] : Array.from({ length: steps }, (_, i) => (i < half ? start + step * i : end - step * (steps - 1 - i)));
  }
  return finish(compute(() => tf.tensor1d(values, dtype._tf === "bool" ? "float32" : dtype._tf)), { ...options, dtype });
}

/**
 * PyTorch 1.13's float32 linspace on x86 CPUs (its AVX2 kernel), rounding for rounding, because
 * values that land on pixel centres (affine_grid, then grid_sample's floor) change gradients when
 * they move by one ulp. The kernel computes in float32: step = (end - start) / (steps - 1); the first
 * floor(steps / 16) * 16 values in vectors of 8 whose first lane is fma(step, i, start) (before the
 * halfway index, else fma(-step, steps - 1 - i, end)) and whose lane k adds k * step to it; the rest
 * one by one with those fmas. Checked against torch.linspace for steps 2..79 and larger ranges.
 */
function linspaceFloat32(start: number, end: number, steps: number): Float32Array {
  const out = new Float32Array(steps);
  if (steps === 0) return out;
  const s = Math.fround(start);
  const e = Math.fround(end);
  if (steps === 1) {
    out[0] = s;
    return out;
  }
  const step = Math.fround(Math.fround(e - s) / (steps - 1));
  const half = Math.floor(steps / 2);
  const scalar = (i: number): number => (i < half ? fmaFloat32(step, i, s) : fmaFloat32(-step, steps - 1 - i, e));
  const vectorEnd = Math.floor(steps / 16) * 16;
  for (let b = 0; b < vectorEnd; b += 8) {
    const base = scalar(b);
    for (let k = 0; k < 8; k++) out[b + k] = base + Math.fround(k * step);
  }
  for (let i = vectorEnd; i < steps; i++) out[i] = scalar(i);
  return out;
}

export function eye(n: number, m?: number | CreationOptions, options?: CreationOptions): Tensor {
  const o = parseArgs("eye", [n, m, options], ["n", "m", "dtype", "device", "requires_grad"]) as CreationOptions & { n?: number; m?: number };
  if (o.n === undefined) throw new TypeError("eye() missing 1 required positional argument: 'n'");
  const rows = o.n;
  const cols = o.m ?? rows;
  if (rows < 0) throw new RuntimeError(`eye(): n must be greater or equal to 0, got ${rows}`);
  if (cols < 0) throw new RuntimeError(`eye(): m must be greater or equal to 0, got ${cols}`);
  const dtype = o.dtype !== undefined ? normalizeDtype(o.dtype) : D.defaultFloatDtype();
  return finish(compute(() => tf.cast(tf.eye(rows, cols), dtype._tf)), { ...o, dtype });
}

function likeOptions(t: Tensor, options: CreationOptions): CreationOptions {
  return { ...options, dtype: options.dtype ?? t.dtype };
}

/** PyTorch's `input` of the *_like functions may be a keyword: `torch.zeros_like(input=x)` is `zeros_like({input: x})`. */
type LikeInput<O> = Tensor | (O & { input: Tensor });
function likeArgs<O extends object>(name: string, t: LikeInput<O>, options: O): [Tensor, O] {
  if (t instanceof Tensor) return [t, options];
  if (t === null || typeof t !== "object" || !(t.input instanceof Tensor)) throw new TypeError(`${name}(): argument 'input' must be Tensor`);
  const { input, ...rest } = t;
  return [input, { ...(rest as unknown as O), ...options }];
}

/** The *_like functions' keywords: PyTorch's memory_format (default torch.preserve_format) besides the creation ones. */
export type LikeOptions = CreationOptions & { memory_format?: MF.memory_format };

export function zeros_like(t: LikeInput<LikeOptions>, options: LikeOptions = {}): Tensor {
  const [x, o] = likeArgs("zeros_like", t, options);
  return like("zeros_like", x, o, (r) => zeros(x.shape, likeOptions(x, r)));
}
export function ones_like(t: LikeInput<LikeOptions>, options: LikeOptions = {}): Tensor {
  const [x, o] = likeArgs("ones_like", t, options);
  return like("ones_like", x, o, (r) => ones(x.shape, likeOptions(x, r)));
}
export function empty_like(t: LikeInput<LikeOptions>, options: LikeOptions = {}): Tensor {
  const [x, o] = likeArgs("empty_like", t, options);
  return like("empty_like", x, o, (r) => empty(x.shape, likeOptions(x, r)));
}
export const full_like = (t: Tensor, v: number, options: LikeOptions = {}): Tensor => like("full_like", t, options, (r) => full(t.shape, v, likeOptions(t, r)));
/** Random values like `t`, in t's dtype unless `dtype` says otherwise: an integer one is PyTorch's error. */
function randomLike(kernel: string, t: Tensor, options: RandomOptions): RandomOptions {
  const dtype = options.dtype !== undefined ? normalizeDtype(options.dtype) : t.dtype;
  if (dtype._tf !== "float32") throw new RuntimeError(`"${kernel}" not implemented for '${dtype._typeName}'`);
  return { ...options, dtype };
}
/** Uniform [0, 1) like `t`; a channels-last result's values are drawn in memory order, as PyTorch's are. */
export function rand_like(t: LikeInput<RandomOptions & LikeOptions>, options: RandomOptions & LikeOptions = {}): Tensor {
  const [x, o] = likeArgs("rand_like", t, options);
  const { memory_format, ...r } = o;
  const fmt = likeFormat("rand_like", x, { memory_format });
  const { requires_grad, ...ro } = randomLike("check_uniform_bounds", x, r);
  const out = drawnAs(x.shape, fmt, (shape) => rand(shape, ro));
  return requires_grad ? out.requires_grad_(true) : out;
}

/**
 * A random tensor of `shape` laid out as `fmt`, its values drawn in memory order as PyTorch's serial
 * samplers (uniform, random_from_to) fill a channels-last output.
 */
function drawnAs(shape: readonly number[], fmt: MF.memory_format, draw: (shape: number[]) => Tensor): Tensor {
  if (fmt !== MF.channels_last && fmt !== MF.channels_last_3d) return withFormat(draw([...shape]), fmt);
  // Draw in memory order's shape (N, H, W, C), then put C back.
  const mem = MF.memoryOrder(fmt._name as "channels_last" | "channels_last_3d");
  return withFormat(draw(mem.map((d) => shape[d])).permute(mem.map((_, i) => mem.indexOf(i))).contiguous(), fmt);
}
/**
 * Standard normal values like `t`. PyTorch's normal_ fills a result that is not row-major contiguous
 * (channels last, C and H*W > 1) with its serial kernel: one normal_distribution<double> draw per
 * element, in memory order; a row-major one as torch.randn does.
 */
export function randn_like(t: LikeInput<RandomOptions & LikeOptions>, options: RandomOptions & LikeOptions = {}): Tensor {
  const [x, o] = likeArgs("randn_like", t, options);
  const { memory_format, ...r } = o;
  const fmt = likeFormat("randn_like", x, { memory_format });
  const stored = fmt === MF.channels_last || fmt === MF.channels_last_3d ? (fmt._name as "channels_last" | "channels_last_3d") : null;
  if (stored === null || MF.isContiguousAs(x.shape, MF.formatStrides(x.shape, stored), MF.contiguous_format)) {
    return withFormat(randn(x.shape, randomLike("normal_kernel_cpu", x, r)), fmt);
  }
  const { requires_grad, ...ro } = randomLike("normal_kernel_cpu", x, r);
  const g = ro.generator ?? default_generator;
  const serial = (shape: number[]): Tensor =>
    finish(
      compute(() =>
        filledFloat32(shape, (out) => {
          for (let i = 0; i < out.length; i++) out[i] = g.normal();
        }),
      ),
      ro,
    );
  const out = drawnAs(x.shape, fmt, serial);
  return requires_grad ? out.requires_grad_(true) : out;
}
export function randint_like(t: Tensor, ...args: (number | (RandomOptions & { low?: number; high?: number; memory_format?: MF.memory_format }) | undefined)[]): Tensor {
  const last = args[args.length - 1];
  const opts = typeof last === "object" ? last : {};
  const nums = (typeof last === "object" ? args.slice(0, -1) : args).filter((v): v is number => v !== undefined);
  const o = parseArgs("randint_like", [opts], ["low", "high", "dtype", "requires_grad", "device", "generator", "memory_format"]) as RandomOptions & LikeOptions & { low?: number; high?: number };
  // PyTorch's two forms: randint_like(input, high) and randint_like(input, low, high); `low`/`high` may be keywords.
  const low = nums.length === 2 ? nums[0] : o.low ?? 0;
  const high = nums.length === 2 ? nums[1] : nums.length === 1 ? nums[0] : o.high;
  if (nums.length > 2) throw new TypeError(`randint_like() takes at most 3 positional arguments (${nums.length + 1} given)`);
  if (high === undefined) throw new TypeError("randint_like() missing required argument 'high'");
  // The result has the input's dtype unless `dtype` says otherwise, as torch.*_like.
  const fmt = likeFormat("randint_like", t, o);
  return drawnAs(t.shape, fmt, (shape) => randint(low, high, shape, { dtype: o.dtype ?? t.dtype, requires_grad: o.requires_grad, device: o.device, generator: o.generator }));
}

/** Wraps a typed array with a shape, without copying through nested arrays. */
export function from_typed(data: Float32Array | Int32Array | Uint8Array, shape: number[], options: CreationOptions = {}): Tensor {
  if (numelOf(shape) !== data.length) throw new ValueError(`from_typed(): ${data.length} values do not fill shape [${shape.join(", ")}]`);
  const dtype = options.dtype !== undefined ? normalizeDtype(options.dtype) : data instanceof Float32Array ? D.float32 : D.int64;
  // Bytes are already in uint8's range (datasets' images): no wrapping pass over them.
  return finish(compute(() => tf.tensor(data instanceof Uint8Array ? Int32Array.from(data) : data, shape, dtype._tf)), options, data instanceof Uint8Array && dtype === D.uint8);
}

/**
 * torch.as_tensor: `data` as a tensor without a copy where it already is one of the right dtype
 * (then the very same tensor is returned), else a new tensor as torch.tensor makes.
 */
export function as_tensor(data: NestedArray | ArrayLike<number> | Tensor | TypedArrayWithShape, options: { dtype?: DType | string | null; device?: unknown } = {}): Tensor {
  const o = parseArgs("as_tensor", [options], ["dtype", "device"]);
  const dtype = o.dtype === undefined || o.dtype === null ? undefined : normalizeDtype(o.dtype);
  if (data instanceof Tensor) return dtype === undefined || dtype === data.dtype ? data : data.to(dtype);
  return tensor(data, dtype === undefined ? {} : { dtype });
}

/** What `x.numpy()` returns: the values as a typed array, row-major, and the shape. */
export interface TypedArrayWithShape {
  data: Float32Array | Int32Array | Uint8Array | Float64Array | Int16Array | Int8Array | Uint16Array | Uint8ClampedArray | BigInt64Array;
  shape: readonly number[];
  /** A DType, its name, or NumPy's dtype object (src/tensor/ndarray.ts's npdtype, which names its torch dtype). */
  dtype?: DType | string | { readonly _torch: DType };
}

export function isTypedArrayWithShape(data: unknown): data is TypedArrayWithShape {
  return typeof data === "object" && data !== null && !Array.isArray(data) && !(data instanceof Tensor) && ArrayBuffer.isView((data as TypedArrayWithShape).data) && Array.isArray((data as TypedArrayWithShape).shape);
}

/** The dtype torch.from_numpy gives an array: its own when it names one, else its typed array's. */
function numpyDtype(a: TypedArrayWithShape): DType {
  if (a.dtype !== undefined) return normalizeDtype(a.dtype);
  const d = a.data;
  if (d instanceof Float64Array) return D.float64;
  if (d instanceof Float32Array) return D.float32;
  // numpy's uint8 / int8 / int16 arrays keep their dtype, as torch.from_numpy keeps it.
  return d instanceof Uint8Array || d instanceof Uint8ClampedArray ? D.uint8 : d instanceof Int8Array ? D.int8 : d instanceof Int16Array ? D.int16 : D.int64;
}

/**
 * torch.from_numpy for JavaScript: a tensor from a typed array and its shape, `{data, shape}` (the
 * form `x.numpy()` returns), or from a bare typed array (1-D). The dtype follows the array:
 * Float32Array gives float32, Float64Array float64 (NumPy's default float array), Uint8Array uint8, Int8Array int8, Int16Array int16, other integer
 * arrays (BigInt64Array too: NumPy's default int64) int64, and `dtype: 'bool'` in the object keeps
 * a bool tensor's round trip. The values are copied (tfjs owns its buffers).
 * @example
 * const {data, shape} = x.numpy();
 * const y = torch.from_numpy({data, shape});
 */
export function from_numpy(array: TypedArrayWithShape | TypedArrayWithShape["data"], share = true): Tensor {
  const a: TypedArrayWithShape = ArrayBuffer.isView(array) ? { data: array as TypedArrayWithShape["data"], shape: [(array as ArrayLike<number>).length] } : (array as TypedArrayWithShape);
  if (a === null || typeof a !== "object" || !ArrayBuffer.isView(a.data) || !Array.isArray(a.shape)) {
    throw new TypeError("from_numpy(): expected a typed array or {data: TypedArray, shape: number[]} (what x.numpy() returns)");
  }
  const d = a.data;
  if (numelOf(a.shape) !== d.length) throw new ValueError(`from_numpy(): ${d.length} values do not fill shape [${a.shape.join(", ")}]`);
  const dtype = numpyDtype(a);
  const shape = a.shape.slice();
  if (!share || !isNdarray(a)) return fromValues(d, shape, dtype);
  // NumPy's array: the tensor and it share memory, as PyTorch's do; a view of another array is that
  // view of the tensor sharing its base's memory.
  const root = a._root;
  // A tensor from NumPy never takes part in autograd, whatever tensor shares the memory (`t.data.numpy()`).
  if (root === null) return a._link?.tensor instanceof Tensor ? alias(a._link.tensor.detach()) : linkedTensor(a);
  if (a._strides.some((s) => s < 0)) {
    throw new ValueError("At least one stride in the given numpy array is negative, and tensors with negative strides are not currently supported. (You can probably work around this by making a copy of your array  with array.copy().) ");
  }
  return as_strided(linkedTensor(root).detach(), shape, a._strides.slice(), a._offset);
}

function isNdarray(a: unknown): a is ndarray {
  return typeof (a as { _memory?: unknown })._memory === "function";
}

/** The tensor sharing the memory of `a` (an array owning its memory), made on first use. */
function linkedTensor(a: ndarray): Tensor {
  const linked = a._link?.tensor;
  if (linked instanceof Tensor) return linked;
  const t = fromValues(a._memory(), a.shape.slice(), numpyDtype(a));
  t._shareWith(a);
  return t;
}

function fromValues(d: TypedArrayWithShape["data"], shape: number[], dtype: DType): Tensor {
  return finish(
    compute(() => {
      // NumPy's default integer array (int64) arrives as a BigInt64Array: its values as numbers.
      const n = (d instanceof BigInt64Array ? Array.from(d, Number) : d) as ArrayLike<number>;
      if (dtype._tf === "bool") return tf.cast(tf.tensor(Int32Array.from(n), shape, "int32"), "bool");
      if (dtype._tf === "int32") return tf.tensor(n instanceof Int32Array ? n : Int32Array.from(n, (v) => Math.trunc(v)), shape, "int32");
      return tf.tensor(n instanceof Float32Array ? n : Float32Array.from(n), shape, "float32");
    }),
    { dtype },
    d instanceof Uint8Array && dtype === D.uint8,
  );
}

// Little-endian, as PyTorch reads on the machines it runs on.
const ELEMENT_READERS: Record<string, { bytes: number; get: (v: DataView, at: number) => number }> = {
  float32: { bytes: 4, get: (v, at) => v.getFloat32(at, true) },
  float: { bytes: 4, get: (v, at) => v.getFloat32(at, true) },
  float64: { bytes: 8, get: (v, at) => v.getFloat64(at, true) },
  double: { bytes: 8, get: (v, at) => v.getFloat64(at, true) },
  int64: { bytes: 8, get: (v, at) => Number(v.getBigInt64(at, true)) },
  long: { bytes: 8, get: (v, at) => Number(v.getBigInt64(at, true)) },
  int32: { bytes: 4, get: (v, at) => v.getInt32(at, true) },
  int: { bytes: 4, get: (v, at) => v.getInt32(at, true) },
  int16: { bytes: 2, get: (v, at) => v.getInt16(at, true) },
  short: { bytes: 2, get: (v, at) => v.getInt16(at, true) },
  int8: { bytes: 1, get: (v, at) => v.getInt8(at) },
  uint8: { bytes: 1, get: (v, at) => v.getUint8(at) },
  bool: { bytes: 1, get: (v, at) => v.getUint8(at) },
};

/**
 * torch.frombuffer: a 1-D tensor reading the bytes of `buffer` (an ArrayBuffer or a view of one) as
 * `dtype` (required, as in PyTorch: float32, int32, or uint8/int8/bool bytes), `count` elements
 * (-1: all) from byte `offset`. The bytes are copied.
 */
export function frombuffer(buffer: ArrayBuffer | ArrayBufferView, options: { dtype: DType | string; count?: number; offset?: number; requires_grad?: boolean }): Tensor {
  const o = parseArgs("frombuffer", [options ?? {}], ["dtype", "count", "offset", "requires_grad"]);
  if (o.dtype === undefined) throw new TypeError("frombuffer() missing required keyword argument 'dtype'");
  const name = String(o.dtype).replace(/^torch\./, "");
  const read = ELEMENT_READERS[name];
  if (read === undefined) throw new TypeError(`frombuffer(): unsupported dtype ${name} (float32, float64, int64, int32, int16, int8, uint8, bool)`);
  const bytes = read.bytes;
  const dtype = normalizeDtype(o.dtype);
  const raw = ArrayBuffer.isView(buffer) ? buffer.buffer : buffer;
  // By tag, not instanceof: a buffer from another realm (vm context, jest) is still one.
  if (!/^\[object (Shared)?ArrayBuffer\]$/.test(Object.prototype.toString.call(raw))) throw new TypeError("frombuffer(): expected an ArrayBuffer or a typed array / Buffer");
  const base = (ArrayBuffer.isView(buffer) ? buffer.byteOffset : 0) + ((o.offset as number | undefined) ?? 0);
  const avail = (ArrayBuffer.isView(buffer) ? buffer.byteLength : raw.byteLength) - ((o.offset as number | undefined) ?? 0);
  let count = (o.count as number | undefined) ?? -1;
  if (count === -1) {
    if (avail % bytes !== 0) throw new ValueError(`frombuffer(): buffer length (${avail} bytes after offset) must be a multiple of the element size (${bytes})`);
    count = avail / bytes;
  }
  if (count <= 0 || count * bytes > avail) throw new ValueError(`frombuffer(): requested ${count} elements of ${bytes} bytes but the buffer has ${avail} bytes after offset`);
  const view = new DataView(raw as ArrayBuffer, base, count * bytes);
  const vals = Array.from({ length: count }, (_, i) => read.get(view, i * bytes));
  return tensor(dtype._tf === "bool" ? vals.map((v) => v !== 0) : vals, { dtype, requires_grad: o.requires_grad as boolean | undefined });
}
