/**
 * torch.memory_format: contiguous_format, channels_last (NCHW tensors stored pixel by pixel: NHWC in
 * memory), channels_last_3d (NCDHW as NDHWC) and preserve_format. torchlab keeps every tensor's values
 * in logical (row-major) order in tfjs, so a memory format changes no value: a tensor carries the
 * format it would have in PyTorch (`Tensor._memfmt`), and `stride()`, `is_contiguous(memory_format=)`,
 * `view` (which refuses what PyTorch refuses) and the float32 sums (which add in PyTorch's memory order)
 * read the strides PyTorch would give it.
 *
 * The stride rules follow c10/core/MemoryFormat.h and c10/core/TensorImpl.cpp (PyTorch 1.13):
 * get_channels_last_strides_2d/3d, compute_channels_last_contiguous_2d/3d and the
 * is_channels_last_strides_2d/3d test behind `suggest_memory_format()`.
 */
import { inspect } from "util";
import { RuntimeError, TypeError } from "../errors";
import { pyTypeName } from "../pyrepr";

export type MemoryFormatName = "contiguous_format" | "channels_last" | "channels_last_3d" | "preserve_format";
/** What a tensor that owns its values records: null for row-major. */
export type StoredFormat = "channels_last" | "channels_last_3d" | null;

/** torch.memory_format, the class of torch.channels_last and its siblings. */
export class memory_format {
  /** @internal the four formats are the singletons below. */
  constructor(readonly _name: MemoryFormatName) {
    Object.freeze(this);
  }
  toString(): string {
    return `torch.${this._name}`;
  }
  toJSON(): string {
    return this.toString();
  }
  [inspect.custom](): string {
    return this.toString();
  }
}

export const contiguous_format = new memory_format("contiguous_format");
export const channels_last = new memory_format("channels_last");
export const channels_last_3d = new memory_format("channels_last_3d");
export const preserve_format = new memory_format("preserve_format");

/** The argument `memory_format` of `op`: one of the four, else PyTorch's TypeError. */
export function parseMemoryFormat(op: string, value: unknown): memory_format {
  if (value instanceof memory_format) return value;
  throw new TypeError(`${op}(): argument 'memory_format' must be torch.memory_format, not ${pyTypeName(value)}`);
}

/** PyTorch's refusal of channels_last on a tensor that is not 4-d (channels_last_3d: 5-d). */
export function checkRank(fmt: memory_format, shape: readonly number[]): void {
  if (fmt === channels_last && shape.length !== 4) throw new RuntimeError("required rank 4 tensor to use channels_last format");
  if (fmt === channels_last_3d && shape.length !== 5) throw new RuntimeError("required rank 5 tensor to use channels_last_3d format");
}

/** The dims from densest to sparsest for a stored format (channels_last: C, W, H, N). */
function order(fmt: StoredFormat): number[] {
  return fmt === "channels_last" ? [1, 3, 2, 0] : [1, 4, 3, 2, 0];
}

/** The dims from sparsest to densest in memory for a stored format (channels_last: N, H, W, C): a permutation to memory order. */
export function memoryOrder(fmt: Exclude<StoredFormat, null>): number[] {
  return fmt === "channels_last" ? [0, 2, 3, 1] : [0, 2, 3, 4, 1];
}

/** The strides of a tensor of `shape` laid out as `fmt` (get_channels_last_strides_2d/3d). */
export function formatStrides(shape: readonly number[], fmt: Exclude<StoredFormat, null>): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (const d of order(fmt)) {
    s[d] = acc;
    acc *= shape[d];
  }
  return s;
}

/** `is_contiguous(memory_format=fmt)` of a tensor of `shape` and `strides`; size-1 dims never count, an empty tensor is contiguous. */
export function isContiguousAs(shape: readonly number[], strides: readonly number[], fmt: memory_format): boolean {
  // PyTorch answers preserve_format with the row-major answer.
  if (fmt === preserve_format) fmt = contiguous_format;
  if (fmt !== contiguous_format && shape.length !== (fmt === channels_last ? 4 : 5)) return false;
  if (shape.includes(0)) return true;
  const dims = fmt === contiguous_format ? shape.map((_, i) => shape.length - 1 - i) : order(fmt._name as StoredFormat);
  let expected = 1;
  for (const d of dims) {
    if (shape[d] === 1) continue;
    if (strides[d] !== expected) return false;
    expected *= shape[d];
  }
  return true;
}

/**
 * PyTorch's `suggest_memory_format()`: channels_last when the strides read as channels last
 * (is_channels_last_strides_2d/3d, which falls back to contiguous in the ambiguous cases), else contiguous.
 */
export function suggestFormat(shape: readonly number[], strides: readonly number[]): StoredFormat {
  const fmt: StoredFormat = shape.length === 4 ? "channels_last" : shape.length === 5 ? "channels_last_3d" : null;
  if (fmt === null || strides[1] === 0) return null;
  let min = 0;
  for (const d of order(fmt)) {
    if (shape[d] === 0 || strides[d] < min) return null;
    if (d === 0 && min === strides[1]) return null;
    min = strides[d];
    if (shape[d] > 1) min *= shape[d];
  }
  return fmt;
}

/**
 * Ops whose output PyTorch lays out row-major whatever its input's format (TensorIterator keeps a
 * channels-last input's layout for the pointwise ops, these are not built on it). Probed on PyTorch 1.13's CPU.
 */
const ROW_MAJOR_OUTPUT = new Set([
  "CloneBackward0", "SoftmaxBackward0", "LogSoftmaxBackward0", "CumsumBackward0", "CumprodBackward0",
  "TrilBackward0", "TriuBackward0", "MaskedFillBackward0", "GatherBackward0", "NativeLayerNormBackward0",
]);

interface Formatted {
  readonly shape: number[];
  _memfmt: StoredFormat;
  _view: unknown;
  stride(): number[];
}

/** The memory format a tensor's strides are in (a view: the one its strides suggest). */
export function formatOf(t: Formatted): StoredFormat {
  if (t._view === null) return t._memfmt !== null && t.shape.length === (t._memfmt === "channels_last" ? 4 : 5) ? t._memfmt : null;
  return suggestFormat(t.shape, t.stride());
}

/**
 * The layout TensorIterator gives a pointwise op's output: that of the first input of the output's
 * shape (a broadcast operand or a scalar does not decide), so `x_cl + y` is channels last and `y + x_cl` is not.
 */
export function propagatePointwise(name: string, out: Formatted, inputs: readonly Formatted[]): void {
  const r = out.shape.length;
  if ((r !== 4 && r !== 5) || ROW_MAJOR_OUTPUT.has(name)) return;
  for (const t of inputs) {
    if (t.shape.length !== r || !t.shape.every((d, i) => d === out.shape[i])) continue;
    if (t._view === null && t._memfmt === null) return;
    out._memfmt = formatOf(t);
    return;
  }
}

/**
 * The layout of a convolution's or pooling's output: channels last when any of `inputs` (the input,
 * a convolution's weight) is, as PyTorch's CPU kernels (mkldnn, the channels-last pooling kernels) choose.
 */
export function propagateSpatial<T extends Formatted>(out: T, ...inputs: (Formatted | null | undefined)[]): T {
  const r = out.shape.length;
  if (r !== 4 && r !== 5) return out;
  for (const t of inputs) {
    if (t === null || t === undefined || t.shape.length !== r) continue;
    if (t._view === null && t._memfmt === null) continue;
    const f = formatOf(t);
    if (f !== null) {
      out._memfmt = f;
      break;
    }
  }
  return out;
}
