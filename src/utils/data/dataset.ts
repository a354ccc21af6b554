/**
 * Map-style datasets. TypeScript has no `__getitem__`/`__len__` operators, so a dataset is
 * anything with `getitem(index)` and `len()`, or with PyTorch's own names `__getitem__(index)` and
 * `__len__()`, or a plain array. Subclassing `Dataset` adds `length`, iteration and `add`
 * (concatenation); its type parameter is optional, the sample type is read off the method the
 * subclass defines.
 *
 * @example
 * class Squares extends torch.utils.data.Dataset {
 *   __len__() { return 10; }
 *   __getitem__(i: number): [number, number] { return [i, i * i]; }
 * }
 */
import { Tensor } from "../../tensor/tensor";
import { Generator, default_generator } from "../../tensor/random";
import { AssertionError, IndexError, NotImplementedError, TypeError, ValueError } from "../../errors";
import { fmtShape } from "../../ops/_core";
import * as M from "../../ops/movement";
import { guardNumericIndex } from "../../tensor/index_guard";
import { asPyTuple, pyDefaultRepr, pyTypeName } from "../../pyrepr";

/** The map-style dataset protocol: `getitem(index)` and `len()`. */
export interface MapDataset<T> {
  getitem(index: number): T;
  len(): number;
}

/** The same protocol spelled the Python way, accepted too. */
export interface PyMapDataset<T> {
  __getitem__(index: number): T;
  __len__(): number;
}

/** Whatever DataLoader, Subset, random_split, ... accept as a dataset. */
export type DatasetLike<T> = MapDataset<T> | PyMapDataset<T> | readonly T[];

/** @internal a uniform view of any DatasetLike. */
export interface Indexable<T> {
  get(i: number): T;
  size(): number;
}

export function isDatasetLike(x: unknown): x is DatasetLike<unknown> {
  // A tensor is a map-style dataset of its rows, as in PyTorch (`DataLoader(torch.arange(6.))`).
  if (Array.isArray(x) || x instanceof Tensor) return true;
  if (x === null || typeof x !== "object") return false;
  const o = x as Record<string, unknown>;
  return (typeof o.getitem === "function" && typeof o.len === "function") || (typeof o.__getitem__ === "function" && typeof o.__len__ === "function");
}

/** @internal */
export function indexable<T>(ds: DatasetLike<T>, what = "dataset"): Indexable<T> {
  if (Array.isArray(ds)) {
    const arr = ds as readonly T[];
    return { get: (i) => arr[i], size: () => arr.length };
  }
  if (ds instanceof Tensor) {
    const t = ds;
    return {
      get: (i) => t.get(i) as unknown as T,
      size: () => {
        if (t.dim() === 0) throw new TypeError("len() of a 0-d tensor");
        return t.shape[0];
      },
    };
  }
  const o = ds as unknown as Record<string, unknown>;
  if (o !== null && typeof o === "object") {
    if (typeof o.getitem === "function" && typeof o.len === "function") {
      const d = ds as MapDataset<T>;
      return { get: (i) => d.getitem(i), size: () => d.len() };
    }
    if (typeof o.__getitem__ === "function" && typeof o.__len__ === "function") {
      const d = ds as PyMapDataset<T>;
      return { get: (i) => d.__getitem__(i), size: () => d.__len__() };
    }
  }
  throw new TypeError(`${what} must be a Dataset (an object with getitem(index) and len()), or an array; got ${describe(ds)}`);
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (typeof x === "object") return (x as object).constructor?.name ?? "object";
  // A module is a callable object: its class names it, as Python's type(x).__name__.
  if (typeof x === "function") return x.constructor?.name && x.constructor.name !== "Function" ? x.constructor.name : "function";
  return typeof x;
}

/** The last string len() measured: a loop bounded by `len(text)` asks again for the same string. */
let lastString = "";
let lastLength = 0;

/** A string's length in code points, as Python's str (a surrogate pair is one), without a pass over it per call. */
function strLen(s: string): number {
  if (s !== lastString) {
    lastLength = /[\uD800-\uDBFF]/.test(s) ? [...s].length : s.length;
    lastString = s;
  }
  return lastLength;
}

/**
 * Python's `len`: of a dataset, sampler or DataLoader (`len(loader.dataset)` type-checks as in the
 * examples), a tensor (its first dimension; a 0-d tensor is PyTorch's TypeError), an array, a string
 * (code points), a Map or Set, a plain object (its keys, as a dict). An IterableDataset without
 * `len()`/`__len__()`, or anything else, throws Python's TypeError. In every notebook's scope.
 */
export function len(
  x: { len(): number } | { __len__(): number } | { length: number } | IterableDataset<unknown> | ReadonlyMap<unknown, unknown> | ReadonlySet<unknown> | Record<string, unknown>,
): number {
  if (typeof x === "string") return strLen(x as string);
  if (x instanceof Map || x instanceof Set) return x.size;
  if (x === null || x === undefined) throw new TypeError("object of type 'NoneType' has no len()");
  const o = x as Record<string, unknown>;
  if (typeof o.len === "function") return (o.len as () => number).call(x);
  if (typeof o.__len__ === "function") return (o.__len__ as () => number).call(x);
  if (typeof o.length === "number") return o.length;
  // A plain object is Python's dict: its number of keys.
  if (x !== null && typeof x === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(x))) return Object.keys(x).length;
  throw new TypeError(`object of type '${pyTypeName(x)}' has no len()`);
}

/** The sample type of dataset type `D`: what its `getitem` (or `__getitem__`) returns. */
export type SampleOf<D> = D extends { getitem(index: number): infer R }
  ? R
  : D extends { __getitem__(index: number): infer R }
    ? R
    : D extends readonly (infer R)[]
      ? R
      : unknown;

/**
 * An abstract map-style dataset: implement `getitem(index)` and `len()`, or `__getitem__(index)`
 * and `__len__()` as in PyTorch; either pair works everywhere (DataLoader, Subset, random_split,
 * the notebook's `dataset[i]`).
 *
 * `getitem` and `len` are deliberately absent from this class's type: a subclass that defines only
 * `__getitem__` would otherwise also carry an inherited `getitem(): T`, and `T` (unknown for a bare
 * `extends Dataset`) would win over the subclass's own return type when a DataLoader infers the
 * sample type; and a subclass may keep a plain field named `len` (or `getitem`), as PyTorch code
 * does (`self.len = xy.shape[0]` beside `def __len__(self): return self.len`). At run time both
 * spellings of each exist on every Dataset and call each other; a field of that name shadows the
 * method, and everything that sizes or indexes a dataset then uses `__len__` / `__getitem__`.
 */
export abstract class Dataset<T = unknown> {
  /** The number of samples (PyTorch's `__len__`); calls the subclass's `len()` when it defines that instead. */
  __len__(): number {
    const own = (this as { len?: unknown }).len;
    if (typeof own === "function" && own !== baseLen) return (own as () => number).call(this);
    throw new TypeError(`object of type '${this.constructor.name}' has no len(): define len() or __len__()`);
  }

  /** The number of samples (`len(dataset)`). */
  get length(): number {
    return this.__len__();
  }

  /**
   * `dataset + other` in PyTorch: a ConcatDataset of both, whose samples are this dataset's (a
   * subclass's own `__getitem__` type, not the bare `Dataset`'s unknown).
   */
  add<S extends Dataset<T>>(this: S, other: DatasetLike<SampleOf<S>>): ConcatDataset<SampleOf<S>> {
    return new ConcatDataset<SampleOf<S>>([this as unknown as DatasetLike<SampleOf<S>>, other]);
  }

  *[Symbol.iterator](this: Dataset<T>): IterableIterator<SampleOf<this>> {
    const get = (this as unknown as PyMapDataset<SampleOf<this>>).__getitem__;
    const n = this.__len__();
    for (let i = 0; i < n; i++) yield get.call(this, i);
  }
}

// Both spellings of each accessor on every Dataset, each calling the other one when only that one
// is overridden by a method (PyTorch's base __getitem__ raises NotImplementedError; a field named
// `getitem` or `len` is data, not the protocol).
function baseLen(this: Dataset<unknown>): number {
  const py = this.__len__;
  if (py !== Dataset.prototype.__len__) return py.call(this);
  throw new TypeError(`object of type '${this.constructor.name}' has no len(): define len() or __len__()`);
}
function baseGetitem(this: Dataset<unknown>, index: number): unknown {
  const py = (this as unknown as { __getitem__?: unknown }).__getitem__;
  if (typeof py === "function" && py !== baseDunderGetitem) return py.call(this, index);
  throw new NotImplementedError(`${this.constructor.name} defines neither getitem(index) nor __getitem__(index)`);
}
function baseDunderGetitem(this: Dataset<unknown>, index: number): unknown {
  const own = (this as unknown as { getitem?: unknown }).getitem;
  if (typeof own === "function" && own !== baseGetitem) return own.call(this, index);
  throw new NotImplementedError(`${this.constructor.name} defines neither getitem(index) nor __getitem__(index)`);
}
for (const [name, value] of [["len", baseLen], ["getitem", baseGetitem], ["__getitem__", baseDunderGetitem]] as const) {
  Object.defineProperty(Dataset.prototype, name, { value, writable: true, configurable: true, enumerable: false });
}

/**
 * An iterable-style dataset: implement `[Symbol.iterator]()` (a stream of samples). A DataLoader
 * batches it in order; it takes no sampler and no shuffle.
 */
export abstract class IterableDataset<T> {
  abstract [Symbol.iterator](): Iterator<T>;
}

function checkIndex(i: number, n: number, what: string): number {
  if (!Number.isInteger(i)) throw new TypeError(`${what} indices must be integers, got ${String(i)}`);
  if (i < -n || i >= n) throw new IndexError(`index ${i} is out of range for ${what} of length ${n}`);
  return i < 0 ? i + n : i;
}

/**
 * Wraps tensors that share their first dimension; sample `i` is the tuple `(t0[i], t1[i], ...)` (an array).
 *
 * Args:
 *   tensors: tensors with the same size of the first dimension.
 *
 * @example
 * const ds = new torch.utils.data.TensorDataset(torch.randn(100, 3), torch.randint(0, 2, [100]));
 * const [x, y] = ds.getitem(0);   // x: [3], y: []
 */
export class TensorDataset extends Dataset<Tensor[]> {
  readonly tensors: Tensor[];

  constructor(...tensors: Tensor[]) {
    super();
    tensors.forEach((t, i) => {
      // the pre-0.4 keywords: TensorDataset(data_tensor=x, target_tensor=y)
      const keyword = t !== null && typeof t === "object" && !(t instanceof Tensor) ? Object.keys(t)[0] : undefined;
      if (keyword !== undefined) throw new TypeError(`TensorDataset.__init__() got an unexpected keyword argument '${keyword}'`);
      if (!(t instanceof Tensor)) throw new TypeError(`TensorDataset(): argument ${i} must be a Tensor, got ${describe(t)}`);
      if (t.dim() === 0) throw new ValueError(`TensorDataset(): tensor ${i} is 0-d; each tensor needs a first dimension to index`);
    });
    if (tensors.some((t) => t.shape[0] !== tensors[0].shape[0])) {
      throw new AssertionError(`Size mismatch between tensors: first dimensions are ${tensors.map((t) => fmtShape(t.shape)).join(", ")}`);
    }
    this.tensors = asPyTuple(tensors);
  }

  /**
   * Sample `index` of every tensor. As in PyTorch (`tensor[index]` for each), a slice or index
   * tensor gives a batch: `train_ds.getitem("0:64")` is PyTorch's `train_ds[0:64]`.
   */
  getitem(index: number | string | Tensor): Tensor[] {
    // PyTorch's sample is the tuple of the tensors' rows, and prints as one: (tensor([0., 1.]), tensor(0)).
    if (typeof index === "string" || index instanceof Tensor) return asPyTuple(this.tensors.map((t) => t.index(index)));
    const i = checkIndex(index, this.len(), "TensorDataset");
    return asPyTuple(this.tensors.map((t) => M.select(t, 0, i)));
  }

  len(): number {
    return this.tensors.length ? this.tensors[0].shape[0] : 0;
  }
}

/**
 * The samples of `dataset` at `indices`, in that order.
 */
export class Subset<T> extends Dataset<T> {
  readonly dataset: DatasetLike<T>;
  readonly indices: number[];

  constructor(dataset: DatasetLike<T>, indices: Iterable<number> | Tensor) {
    super();
    indexable(dataset);
    this.dataset = dataset;
    this.indices = indices instanceof Tensor ? Array.from(indices.dataSync(), Number) : Array.from(indices);
  }

  // Through this.dataset at each access, not a reader kept from the constructor: a deep copy (Trevett's
  // `valid_data = copy.deepcopy(valid_data)`, then `valid_data.dataset.transform = test_transforms`)
  // copies the dataset, and a kept reader's closure still read the original with its transform.
  getitem(index: number): T {
    return indexable(this.dataset).get(this.indices[checkIndex(index, this.indices.length, "Subset")]);
  }

  len(): number {
    return this.indices.length;
  }
}

/**
 * Several datasets one after another.
 */
export class ConcatDataset<T> extends Dataset<T> {
  readonly datasets: DatasetLike<T>[];
  readonly cumulative_sizes: number[];

  constructor(datasets: Iterable<DatasetLike<T>>) {
    super();
    this.datasets = Array.from(datasets);
    if (this.datasets.length === 0) throw new ValueError("datasets should not be an empty iterable");
    this.datasets.forEach((d) => {
      if (d instanceof IterableDataset) throw new ValueError("ConcatDataset does not support IterableDataset");
    });
    let total = 0;
    this.cumulative_sizes = this.datasets.map((d) => (total += indexable(d).size()));
  }

  len(): number {
    return this.cumulative_sizes[this.cumulative_sizes.length - 1];
  }

  getitem(index: number): T {
    let idx = index;
    if (idx < 0) {
      if (-idx > this.len()) throw new ValueError("absolute value of index should not exceed dataset length");
      idx += this.len();
    }
    if (!Number.isInteger(idx) || idx >= this.len()) throw new IndexError(`index ${index} is out of range for ConcatDataset of length ${this.len()}`);
    // bisect_right over the cumulative sizes.
    let lo = 0;
    let hi = this.cumulative_sizes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (idx < this.cumulative_sizes[mid]) hi = mid;
      else lo = mid + 1;
    }
    const sample = lo === 0 ? idx : idx - this.cumulative_sizes[lo - 1];
    // Through the dataset itself, as Subset reads (a deep copy's datasets are the copies).
    return indexable(this.datasets[lo]).get(sample);
  }
}

/**
 * Randomly splits a dataset into non-overlapping Subsets of the given lengths, or of the given
 * fractions (summing to 1: each gets floor(frac * n), and the remainder is dealt out one by one,
 * round-robin, as in PyTorch). An untyped dataset (`any`) splits into `Subset<any>`, whose samples
 * destructure as Python's do (`const [x, y] = train[0]`), not `Subset<unknown>`.
 *
 * Args:
 *   dataset: the dataset to split.
 *   lengths: lengths or fractions of the splits.
 *   generator: the random source (default: torch's default generator).
 *
 * @example
 * const [train, val] = torch.utils.data.random_split(ds, [0.8, 0.2], {generator: new torch.Generator().manual_seed(42)});
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function random_split<T = any>(dataset: DatasetLike<T>, lengths: number[], options: { generator?: Generator } | Generator = {}): Subset<T>[] {
  const generator = options instanceof Generator ? options : options.generator;
  const n = indexable(dataset).size();
  if (!Array.isArray(lengths) || lengths.some((l) => typeof l !== "number")) throw new TypeError("random_split(): lengths must be an array of numbers");
  const total = lengths.reduce((a, b) => a + b, 0);
  let sizes = lengths.slice();
  if (Math.abs(total - 1) <= 1e-9 * Math.max(1, Math.abs(total)) && total <= 1) {
    sizes = lengths.map((frac, i) => {
      if (frac < 0 || frac > 1) throw new ValueError(`Fraction at index ${i} is not between 0 and 1`);
      return Math.floor(n * frac);
    });
    const remainder = n - sizes.reduce((a, b) => a + b, 0);
    for (let i = 0; i < remainder; i++) sizes[i % sizes.length]++;
    sizes.forEach((l, i) => {
      if (l === 0) process.emitWarning(`Length of split at index ${i} is 0. This might result in an empty dataset.`, "UserWarning");
    });
  }
  if (sizes.some((l) => !Number.isInteger(l) || l < 0)) throw new ValueError(`random_split(): lengths must be non-negative integers or fractions summing to 1, got [${lengths.join(", ")}]`);
  if (sizes.reduce((a, b) => a + b, 0) !== n) throw new ValueError("Sum of input lengths does not equal the length of the input dataset!");
  const perm = (generator ?? default_generator).randperm(n);
  let offset = 0;
  return sizes.map((l) => {
    const part = new Subset(dataset, perm.slice(offset, offset + l));
    offset += l;
    return part;
  });
}

// `dataset[i]` in a plain script fails loudly instead of reading undefined (src/tensor/index_guard.ts).
guardNumericIndex(Dataset.prototype, "dataset", (i) => `dataset.getitem(${i})`, (i) => `a list or a Dataset subclass (dataset[${i}] = ... has no meaning)`);

// Python's default reprs: `<torch.utils.data.dataset.TensorDataset object at 0x...>`.
pyDefaultRepr("torch.utils.data.dataset", Dataset, TensorDataset, Subset, ConcatDataset);
pyDefaultRepr("torch.utils.data.dataset", IterableDataset);
