/**
 * `tensor.storage()`: PyTorch's TypedStorage, the flat data a tensor and its views share
 * ("Deep Learning with PyTorch" ch. 3 indexes it, writes through it and prints it). Here the storage
 * is the root base's values in row-major order: a view (x[1], x.t(), x.view(...)) reports its base's
 * storage, as PyTorch does, and `contiguous()` of a transposed tensor has its own. Reading
 * `s[i]` gives a number; writing `s[i] = v` changes the base and so every view of it, without autograd
 * (PyTorch's storage writes bypass it too).
 */
import { IndexError } from "../errors";
import { pyFloat } from "../testing/pyrepr";
import type { Tensor } from "./tensor";

export class TypedStorage {
  /** `s[i]`: element i of the flat storage (a negative i counts from the end, as Python's). */
  [index: number]: number | boolean;

  constructor(private readonly _base: Tensor) {
    return new Proxy(this, {
      get: (target, key, receiver) => (typeof key === "string" && /^-?\d+$/.test(key) ? target.getItem(Number(key)) : Reflect.get(target, key, receiver)),
      set: (target, key, value, receiver) => {
        if (typeof key === "string" && /^-?\d+$/.test(key)) {
          target.setItem(Number(key), value as number);
          return true;
        }
        return Reflect.set(target, key, value, receiver);
      },
    });
  }

  get dtype(): Tensor["dtype"] {
    return this._base.dtype;
  }
  get device(): Tensor["device"] {
    return this._base.device;
  }
  /** The number of elements (`len(s)`, `s.size()`). */
  size(): number {
    return this._base.numel();
  }
  get length(): number {
    return this.size();
  }
  /** The elements as a flat list. */
  tolist(): (number | boolean)[] {
    return this._base.detach().reshape(-1).tolist() as (number | boolean)[];
  }

  private checkIndex(i: number, write: boolean): number {
    const n = this.size();
    const j = i < 0 ? i + n : i;
    if (j < 0 || j >= n) {
      throw new IndexError(write ? `index ${i} is out of bounds for dimension 0 with size ${n}` : `index ${i} out of range for storage of size ${n}`);
    }
    return j;
  }
  private getItem(i: number): number | boolean {
    return this.tolist()[this.checkIndex(i, false)];
  }
  private setItem(i: number, value: number): void {
    const j = this.checkIndex(i, true);
    // `.data` is a view autograd does not see; writing through it changes the base's values.
    this._base.data.view(-1).setitem(j, value);
  }

  /** PyTorch's str(): one element a line, then the type and size. */
  toString(): string {
    const items = this.tolist().map((v) => ` ${typeof v === "boolean" ? (v ? "True" : "False") : this.dtype.is_floating_point ? pyFloat(v) : String(v)}`);
    return [...items, `[torch.storage.TypedStorage(dtype=${this.dtype}, device=${this.device}) of size ${this.size()}]`].join("\n");
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** The storage `t` shares with its views: its root base's. */
export function storageOf(t: Tensor): TypedStorage {
  return new TypedStorage(t._view === null ? t : t._view.base);
}
