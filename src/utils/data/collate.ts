/**
 * default_collate: merges a list of samples into a batch, the way PyTorch's does: tensors are
 * stacked along a new first dimension; numbers become a tensor (int64 when every number in the
 * batch is an integer, float32 otherwise: JavaScript cannot tell `1` from `1.0`, so return tensors
 * from a dataset whose float targets may happen to be whole numbers); booleans a bool tensor;
 * strings stay a list; arrays (tuples) are transposed and collated position by position; plain
 * objects key by key; typed arrays and NumPy arrays become tensors and are stacked.
 */
import { Tensor } from "../../tensor/tensor";
import { RuntimeError, TypeError } from "../../errors";
import * as M from "../../ops/movement";
import { tensor, from_typed, from_numpy } from "../../ops/creation";
import { ndarray } from "../../tensor/ndarray";
import { isOptions } from "../../tensor/args";

/** What default_collate accepts and produces (nested arrays/objects of tensors, numbers, strings). */
export type Collatable = Tensor | ndarray | number | boolean | string | Float32Array | Int32Array | Uint8Array | Collatable[] | { [key: string]: Collatable };

const ERR = "default_collate: batch must contain tensors, typed arrays, numbers, booleans, strings, objects or arrays; found";

function kind(x: unknown): string {
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (typeof x === "object") return (x as object).constructor?.name ?? "object";
  return typeof x;
}

/** Merges samples into a batch. @example default_collate([[x0, 0], [x1, 1]]) // [stack([x0, x1]), tensor([0, 1])] */
export function default_collate(batch: unknown[]): Collatable {
  if (!Array.isArray(batch) || batch.length === 0) throw new TypeError("default_collate: expected a non-empty array of samples");
  const elem = batch[0];
  if (elem instanceof Tensor) {
    batch.forEach((b, i) => {
      if (!(b instanceof Tensor)) throw new TypeError(`default_collate: sample 0 is a Tensor but sample ${i} is ${kind(b)}`);
    });
    return M.stack(batch as Tensor[], 0);
  }
  // NumPy arrays (a sample's image before any ToTensor) are stacked as tensors, as PyTorch's torch.as_tensor of each.
  if (elem instanceof ndarray) {
    return M.stack(batch.map((b, i) => {
      if (!(b instanceof ndarray)) throw new TypeError(`default_collate: sample 0 is a numpy.ndarray but sample ${i} is ${kind(b)}`);
      return from_numpy(b);
    }), 0);
  }
  if (elem instanceof Float32Array || elem instanceof Int32Array || elem instanceof Uint8Array) {
    return M.stack(batch.map((b, i) => {
      if (!ArrayBuffer.isView(b)) throw new TypeError(`default_collate: sample 0 is a typed array but sample ${i} is ${kind(b)}`);
      const a = b as Float32Array | Int32Array | Uint8Array;
      return from_typed(a, [a.length]);
    }), 0);
  }
  if (typeof elem === "number" || typeof elem === "boolean") {
    batch.forEach((b, i) => {
      if (typeof b !== typeof elem) throw new TypeError(`default_collate: sample 0 is a ${typeof elem} but sample ${i} is ${kind(b)}`);
    });
    if (typeof elem === "boolean") return tensor(batch as boolean[]);
    const nums = batch as number[];
    return tensor(nums, { dtype: nums.every(Number.isInteger) ? "int64" : "float32" });
  }
  if (typeof elem === "string") return batch as string[];
  if (Array.isArray(elem)) {
    const n = elem.length;
    batch.forEach((b) => {
      if (!Array.isArray(b) || b.length !== n) throw new RuntimeError("each element in list of batch should be of equal size");
    });
    return Array.from({ length: n }, (_, j) => default_collate(batch.map((b) => (b as unknown[])[j])));
  }
  if (isOptions(elem)) {
    const out: { [key: string]: Collatable } = {};
    for (const key of Object.keys(elem)) {
      out[key] = default_collate(batch.map((b, i) => {
        if (!isOptions(b) || !(key in b)) throw new TypeError(`default_collate: sample ${i} has no key '${key}' (sample 0 has it)`);
        return b[key];
      }));
    }
    return out;
  }
  throw new TypeError(`${ERR} ${kind(elem)}`);
}

/**
 * Used when batching is off (batch_size null): samples pass through unchanged, except that a tuple
 * (a TensorDataset's sample) becomes a list, item by item, as PyTorch 1.13's default_convert makes it.
 */
export function default_convert<T>(sample: T): T {
  return (Array.isArray(sample) && Object.getPrototypeOf(sample) === Array.prototype ? sample.map(default_convert) : sample) as T;
}
