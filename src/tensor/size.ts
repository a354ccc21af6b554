/**
 * torch.Size: the shape of a tensor. It is an array of numbers (indexing, length, spread, map and
 * `Array.isArray` all work) that prints as PyTorch prints it: `torch.Size([3, 28, 28])` in
 * console.log, template strings, String() and a notebook's text/plain.
 */
import { TypeError } from "../errors";

/** Interned Sizes by value: a trie keyed by each dim in turn, so a lookup builds no key string. */
interface Interned {
  size?: Size;
  next?: Map<number, Interned>;
}
let interned: Interned = {};
let internedCount = 0;
/** A bound on memory for programs that see ever new shapes (variable-length inputs). */
const INTERN_MAX = 4096;

export class Size extends Array<number> {
  // map/filter/slice/concat of a Size give plain arrays: their results are often not sizes at all.
  static get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /**
   * `new torch.Size([3, 28, 28])`; with no argument, the 0-d tensor's `torch.Size([])`.
   * @example new torch.Size([2, 3]).numel()  // 6
   */
  constructor(sizes: Iterable<number> = []) {
    super();
    for (const s of sizes) {
      if (typeof s !== "number" || !Number.isInteger(s) || s < 0) {
        throw new TypeError(`torch.Size() takes an iterable of non-negative integers, got ${String(s)} in [${Array.from(sizes, String).join(", ")}]`);
      }
      this.push(s);
    }
  }

  /**
   * @internal the frozen Size of already validated dims. Making an Array subclass costs many times
   * an array copy, so Sizes are interned by value (a training loop sees the same few shapes every
   * step) and tensor.shape caches one per buffer. Frozen, as PyTorch's Size (a tuple) is immutable:
   * `x.shape[0] = 5` throws rather than corrupting a shared Size.
   */
  static _frozen(dims: readonly number[]): Size {
    let node = interned;
    for (let i = 0; i < dims.length; i++) {
      let next = node.next;
      if (next === undefined) node.next = next = new Map();
      let child = next.get(dims[i]);
      if (child === undefined) next.set(dims[i], (child = {}));
      node = child;
    }
    let s = node.size;
    if (s === undefined) {
      if (internedCount >= INTERN_MAX) {
        // Start afresh; this Size is the first of the new table.
        interned = {};
        internedCount = 0;
        return Size._frozen(dims);
      }
      s = new Size();
      for (let i = 0; i < dims.length; i++) s.push(dims[i]);
      Object.freeze(s);
      node.size = s;
      internedCount++;
    }
    return s;
  }

  /** Number of elements a tensor of this shape holds (1 for `torch.Size([])`). */
  numel(): number {
    let n = 1;
    for (let i = 0; i < this.length; i++) n *= this[i];
    return n;
  }

  /** Same dims in the same order (PyTorch's `==` of a Size with a Size, list or tuple). */
  equals(other: ArrayLike<number>): boolean {
    if (other === null || other === undefined || other.length !== this.length) return false;
    for (let i = 0; i < this.length; i++) if (this[i] !== other[i]) return false;
    return true;
  }

  toString(): string {
    return `torch.Size([${this.join(", ")}])`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": this.toString() };
  }
}
