/**
 * What matplotlib accepts as data, as plain numbers: tensors (through `numpy()`, so a tensor that
 * requires grad raises PyTorch's "Can't call numpy() on Tensor that requires grad"), `x.numpy()`
 * arrays, numbers and (nested) lists of numbers or tensors.
 */
import { TypeError, ValueError } from "../errors";

/** Values in row-major order and their shape, as `np.asarray` would give them. */
export interface Array2 {
  data: Float64Array;
  shape: number[];
  /** Whether the values were integers to NumPy (uint8 / int tensors, lists of ints): imshow's RGB range depends on it. */
  integer: boolean;
}

interface NumpyLike {
  data: ArrayLike<number>;
  shape: number[];
  dtype?: unknown;
}

function isNumpyLike(v: unknown): v is NumpyLike {
  return typeof v === "object" && v !== null && "data" in v && "shape" in v && ArrayBuffer.isView((v as { data: unknown }).data);
}

const INTEGER_DTYPE = /int|uint8|bool/;

/** `np.asarray(value)` for what a notebook plots. */
export function asArray(value: unknown, what = "data"): Array2 {
  if (typeof value === "object" && value !== null && typeof (value as { numpy?: unknown }).numpy === "function" && !isNumpyLike(value)) {
    // A Tensor: numpy() raises for one that requires grad, as matplotlib's np.asarray makes PyTorch do.
    return asArray((value as { numpy(): unknown }).numpy(), what);
  }
  if (isNumpyLike(value)) {
    return { data: Float64Array.from(value.data as ArrayLike<number>), shape: [...value.shape], integer: INTEGER_DTYPE.test(String(value.dtype)) };
  }
  if (typeof value === "number" || typeof value === "boolean") return { data: Float64Array.of(Number(value)), shape: [], integer: Number.isInteger(value) };
  if (Array.isArray(value) || (typeof value === "object" && value !== null && Symbol.iterator in value && typeof value !== "string")) {
    const items = [...(value as Iterable<unknown>)].map((v) => asArray(v, what));
    if (items.length === 0) return { data: new Float64Array(0), shape: [0], integer: false };
    const inner = items[0].shape;
    if (items.some((it) => it.shape.join() !== inner.join())) {
      throw new ValueError(`setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (${items.length},) + inhomogeneous part.`);
    }
    const data = new Float64Array(items.length * items[0].data.length);
    items.forEach((it, i) => data.set(it.data, i * it.data.length));
    return { data, shape: [items.length, ...inner], integer: items.every((it) => it.integer) };
  }
  throw new TypeError(`${what}: cannot plot a value of type ${value === null ? "None" : typeof value}; expected a tensor, an array, a number or a list of numbers`);
}

/** A 1-d view of `value` (a 0-d value becomes one element). */
export function asVector(value: unknown, what = "data"): number[] {
  const a = asArray(value, what);
  return Array.from(a.data);
}

/** Python's tuple repr of a shape: (3,), (3, 28, 28). */
export function shapeRepr(shape: number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}
