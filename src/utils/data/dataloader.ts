/**
 * DataLoader: batches of a dataset in sampler order, collated. Loading runs in-process
 * (`num_workers` is accepted for compatibility; Node runs one thread here).
 *
 * Iterate with `for (const [x, y] of loader)` or, in long loops, `for await (const [x, y] of
 * loader)`: the async form gives control back to the event loop (one macrotask) before each batch,
 * which is when torchlab frees the memory of tensors that are no longer referenced
 * (FinalizationRegistry callbacks run between tasks). A long synchronous loop holds all of an
 * epoch's garbage until it ends, except at the top level of a torchlab kernel cell, where the
 * kernel makes every loop yield at most every 20 ms.
 */
import { Tensor } from "../../tensor/tensor";
import type { ndarray } from "../../tensor/ndarray";
import { Generator, default_generator } from "../../tensor/random";
import { IndexError, TypeError, ValueError } from "../../errors";
import { isOptions, parseArgs, trimArgs } from "../../tensor/args";
import { tensor } from "../../ops/creation";
import * as M from "../../ops/movement";
import { DatasetLike, IterableDataset, TensorDataset, indexable, isDatasetLike, Indexable } from "./dataset";
import { BatchSampler, RandomSampler, SequentialSampler, samplerLength, seededGenerator } from "./sampler";
import { default_collate, default_convert, Collatable } from "./collate";
import { pyDefaultRepr } from "../../pyrepr";

/**
 * The batch type default_collate makes from samples of type T. A sample typed `any` (a notebook's
 * untyped `__getitem__` returning `[this.transform(img), label]`) gives `any` items, not the union
 * of every branch below, so `for (let [x, y] of loader) x.to(...)` compiles as in Python; so does a
 * sample typed `unknown` (a DataLoader over a dataset held in an `any` variable, or given as the
 * `dataset=` keyword: `for (const data of loader) { const [imgs, targets] = data; ... }`).
 */
export type Collated<T> = 0 extends 1 & T
  ? any // eslint-disable-line @typescript-eslint/no-explicit-any
  : unknown extends T
  ? any // eslint-disable-line @typescript-eslint/no-explicit-any
  : T extends Tensor | ndarray
  ? Tensor
  : T extends number | boolean | Float32Array | Int32Array | Uint8Array
    ? Tensor
    : T extends string
      ? string[]
      : T extends readonly unknown[]
        ? { [K in keyof T]: Collated<T[K]> }
        : T extends object
          ? { [K in keyof T]: Collated<T[K]> }
          : Collatable;

export interface DataLoaderOptions<T, B> {
  /** Samples per batch (default 1); null turns batching off (samples are yielded one by one). */
  batch_size?: number | null;
  /** Reshuffle the indices every epoch (default false). */
  shuffle?: boolean;
  /** The order of indices (exclusive with shuffle). */
  sampler?: Iterable<number> | null;
  /** Yields whole batches of indices (exclusive with batch_size, shuffle, sampler, drop_last). */
  batch_sampler?: Iterable<number[]> | null;
  /** Accepted for compatibility; loading always runs in this process. */
  num_workers?: number;
  /** Merges a list of samples into a batch (default: default_collate). */
  collate_fn?: (batch: T[]) => B;
  /** Accepted for compatibility (no effect). */
  pin_memory?: boolean;
  /** Drop the last, incomplete batch (default false). */
  drop_last?: boolean;
  timeout?: number;
  worker_init_fn?: ((worker_id: number) => void) | null;
  multiprocessing_context?: unknown;
  /** The random source of shuffling (default: a seed drawn from torch's default generator each epoch). */
  generator?: Generator | null;
  prefetch_factor?: number;
  persistent_workers?: boolean;
  pin_memory_device?: string;
}

const NAMES = [
  "batch_size", "shuffle", "sampler", "batch_sampler", "num_workers", "collate_fn", "pin_memory", "drop_last",
  "timeout", "worker_init_fn", "multiprocessing_context", "generator", "prefetch_factor", "persistent_workers", "pin_memory_device",
] as const;

/**
 * The dataset as the loader reads it. A plain array answers `undefined` past its end, where
 * Python's list (and so a DataLoader over one, with a sampler that overruns it) raises IndexError.
 */
function source<T>(ds: DatasetLike<T>): Indexable<T> {
  if (!Array.isArray(ds)) return indexable(ds);
  const arr = ds as readonly T[];
  return {
    size: () => arr.length,
    get: (i) => {
      if (typeof i !== "number" || !Number.isInteger(i)) throw new TypeError(`list indices must be integers or slices, not ${typeof i === "number" ? "float" : typeof i}`);
      if (i < -arr.length || i >= arr.length) throw new IndexError("list index out of range");
      return arr[i < 0 ? i + arr.length : i];
    },
  };
}

function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Combines a dataset and a sampler and iterates over batches.
 *
 * Args:
 *   dataset: a map-style dataset (`getitem(index)` + `len()`, or an array) or an IterableDataset.
 *   batch_size: samples per batch (default 1).
 *   shuffle: reshuffle every epoch (default false).
 *   sampler / batch_sampler: custom index order.
 *   collate_fn: merges samples into a batch (default: stack tensors, tensor-ify numbers, recurse
 *     into arrays and objects).
 *   drop_last: drop the last incomplete batch (default false).
 *   generator: random source for shuffling.
 *
 * @example
 * const loader = new torch.utils.data.DataLoader(train_set, {batch_size: 64, shuffle: true});
 * for (let epoch = 0; epoch < 3; epoch++) {
 *   for await (const [x, y] of loader) {
 *     optimizer.zero_grad();
 *     const loss = F.cross_entropy(net(x), y);
 *     loss.backward();
 *     optimizer.step();
 *   }
 * }
 * loader.length  // number of batches per epoch (PyTorch's len(loader))
 */
export class DataLoader<T = unknown, B = Collated<T>, D extends DatasetLike<T> | IterableDataset<T> = DatasetLike<T> | IterableDataset<T>>
  implements Iterable<B>, AsyncIterable<B>
{
  /** Python's `type(loader).__module__`: `"torch.utils.data.dataloader"`. */
  declare readonly __module__: string;
  /** The dataset as given, with its own type: `loader.dataset[0]`, `loader.dataset.classes`. */
  readonly dataset: D;
  readonly batch_size: number | null;
  readonly drop_last: boolean;
  readonly sampler: Iterable<number> | null;
  readonly batch_sampler: Iterable<number[]> | null;
  readonly num_workers: number;
  readonly collate_fn: (batch: T[]) => B;
  readonly generator: Generator | null;
  readonly timeout: number;
  readonly pin_memory: boolean;
  readonly prefetch_factor: number;
  readonly persistent_workers: boolean;
  private readonly iterable: boolean;

  constructor(dataset: D & (DatasetLike<T> | IterableDataset<T>), options?: DataLoaderOptions<T, B>);
  constructor(dataset: D & (DatasetLike<T> | IterableDataset<T>), batch_size: number | null, options?: DataLoaderOptions<T, B>);
  constructor(dataset: D & (DatasetLike<T> | IterableDataset<T>), batch_size: number | null, shuffle: boolean, options?: DataLoaderOptions<T, B>);
  /** Every argument a keyword, as `DataLoader(dataset=train_dataset, batch_size=100, shuffle=True)`. */
  constructor(options: DataLoaderOptions<T, B> & { dataset: D & (DatasetLike<T> | IterableDataset<T>) });
  constructor(first: DatasetLike<T> | IterableDataset<T> | (DataLoaderOptions<T, B> & { dataset: DatasetLike<T> | IterableDataset<T> }), ...args: unknown[]) {
    const keywords = isOptions(first) && "dataset" in first && !isDatasetLike(first);
    if (keywords && trimArgs(args).length > 0) throw new TypeError("DataLoader(): with the dataset given as a keyword ({dataset, ...}), every other argument goes in that same options object");
    const o = parseArgs("DataLoader", keywords ? [first] : args, keywords ? ["dataset", ...NAMES] : NAMES) as DataLoaderOptions<T, B> & { dataset?: DatasetLike<T> | IterableDataset<T> };
    const dataset = keywords ? o.dataset! : (first as DatasetLike<T> | IterableDataset<T>);
    this.iterable = dataset instanceof IterableDataset;
    if (!this.iterable && !isDatasetLike(dataset)) {
      throw new TypeError(
        `DataLoader: dataset must be a Dataset (an object with getitem(index) and len()), an IterableDataset or an array; got ${dataset === null ? "null" : typeof dataset === "object" ? (dataset as object).constructor?.name : typeof dataset}`,
      );
    }
    const num_workers = o.num_workers ?? 0;
    const timeout = o.timeout ?? 0;
    const prefetch_factor = o.prefetch_factor ?? 2;
    if (!Number.isInteger(num_workers) || num_workers < 0) throw new ValueError("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.");
    if (timeout < 0) throw new ValueError("timeout option should be non-negative");
    if (num_workers === 0 && prefetch_factor !== 2) {
      throw new ValueError("prefetch_factor option could only be specified in multiprocessing.let num_workers > 0 to enable multiprocessing.");
    }
    if (o.persistent_workers && num_workers === 0) throw new ValueError("persistent_workers option needs num_workers > 0");

    let batch_size: number | null = o.batch_size === undefined ? 1 : o.batch_size;
    let drop_last = o.drop_last ?? false;
    const shuffle = o.shuffle ?? false;
    let sampler: Iterable<number> | null = o.sampler ?? null;
    let batch_sampler: Iterable<number[]> | null = o.batch_sampler ?? null;

    if (this.iterable) {
      if (shuffle) throw new ValueError(`DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=${shuffle === true ? "True" : shuffle}`);
      if (sampler !== null) throw new ValueError("DataLoader with IterableDataset: expected unspecified sampler option, but got sampler=" + String(sampler));
      if (batch_sampler !== null) throw new ValueError("DataLoader with IterableDataset: expected unspecified batch_sampler option, but got batch_sampler=" + String(batch_sampler));
    }
    if (sampler !== null && shuffle) throw new ValueError("sampler option is mutually exclusive with shuffle");
    if (batch_sampler !== null) {
      if (batch_size !== 1 || shuffle || sampler !== null || drop_last) {
        throw new ValueError("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last");
      }
      batch_size = null;
      drop_last = false;
    } else if (batch_size === null) {
      if (drop_last) throw new ValueError("batch_size=None option disables auto-batching and is mutually exclusive with drop_last");
    } else if (!Number.isInteger(batch_size) || batch_size <= 0) {
      throw new ValueError(`batch_size should be a positive integer value, but got batch_size=${String(batch_size)}`);
    }
    if (!this.iterable && sampler === null) {
      const ds = dataset as DatasetLike<T>;
      sampler = shuffle ? new RandomSampler(ds, { generator: o.generator ?? null }) : new SequentialSampler(ds);
    }
    if (!this.iterable && batch_size !== null && batch_sampler === null) batch_sampler = new BatchSampler(sampler as Iterable<number>, batch_size, drop_last);
    if (o.collate_fn !== undefined && typeof o.collate_fn !== "function") throw new TypeError("DataLoader: collate_fn must be a function");

    this.dataset = dataset as D;
    this.batch_size = batch_size;
    this.drop_last = drop_last;
    this.sampler = sampler;
    this.batch_sampler = batch_sampler;
    this.num_workers = num_workers;
    this.collate_fn = o.collate_fn ?? (default_collate as unknown as (batch: T[]) => B);
    this.generator = o.generator ?? null;
    this.timeout = timeout;
    this.pin_memory = o.pin_memory ?? false;
    this.prefetch_factor = prefetch_factor;
    this.persistent_workers = o.persistent_workers ?? false;
  }

  /** Batches per epoch (PyTorch's `len(loader)`). */
  len(): number {
    if (this.iterable) {
      const n = samplerLength(this.dataset);
      if (n === null) throw new TypeError(`object of type '${(this.dataset as object).constructor.name}' has no len()`);
      if (this.batch_size === null) return n;
      return this.drop_last ? Math.floor(n / this.batch_size) : Math.ceil(n / this.batch_size);
    }
    const n = samplerLength(this.batch_sampler ?? this.sampler);
    if (n === null) throw new TypeError("DataLoader: the sampler has no length");
    return n;
  }

  get length(): number {
    return this.len();
  }

  /**
   * Batches in order, synchronously. A Generator whose return value is undefined, so that Python's
   * `next(iter(loader))`, `loader[Symbol.iterator]().next().value!`, is typed as a batch (not `any`).
   */
  [Symbol.iterator](): globalThis.Generator<B, undefined, undefined> {
    return this._batches();
  }

  /** Batches in order, giving the event loop one macrotask before each (lets memory be reclaimed). */
  async *[Symbol.asyncIterator](): AsyncIterableIterator<B> {
    const it = this._batches();
    for (;;) {
      await nextMacrotask();
      const r = it.next();
      if (r.done) return;
      yield r.value;
    }
  }

  private *_batches(): globalThis.Generator<B, undefined, undefined> {
    // PyTorch draws a base seed (for workers) from the loader's generator at each new iterator.
    const g = this.generator ?? default_generator;
    seededGenerator(g);
    if (this.iterable) {
      yield* this._iterableBatches();
      return;
    }
    const src = source(this.dataset as DatasetLike<T>);
    if (this.batch_sampler === null) {
      for (const i of this.sampler as Iterable<number>) yield default_convert(src.get(i)) as unknown as B;
      return;
    }
    for (const indices of this.batch_sampler) yield this._fetch(src, indices);
  }

  private _fetch(src: Indexable<T>, indices: number[]): B {
    if (this.dataset instanceof TensorDataset && this.collate_fn === (default_collate as unknown)) {
      // Same result as stacking the samples, in one gather per tensor instead of one slice per sample.
      const n = src.size();
      const idx = indices.map((i) => {
        if (!Number.isInteger(i) || i < -n || i >= n) src.get(i);
        return i < 0 ? i + n : i;
      });
      const it = tensor(idx, { dtype: "int64" });
      return this.dataset.tensors.map((t) => M.index_select(t, 0, it)) as unknown as B;
    }
    return this.collate_fn(indices.map((i) => src.get(i)));
  }

  private *_iterableBatches(): IterableIterator<B> {
    const ds = this.dataset as IterableDataset<T>;
    if (this.batch_size === null) {
      for (const s of ds as unknown as Iterable<T>) yield default_convert(s) as unknown as B;
      return;
    }
    let batch: T[] = [];
    for (const s of ds as unknown as Iterable<T>) {
      batch.push(s);
      if (batch.length === this.batch_size) {
        yield this.collate_fn(batch);
        batch = [];
      }
    }
    if (batch.length > 0 && !this.drop_last) yield this.collate_fn(batch);
  }
}

// Python's default repr: `<torch.utils.data.dataloader.DataLoader object at 0x...>`.
pyDefaultRepr("torch.utils.data.dataloader", DataLoader);
