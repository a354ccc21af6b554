/**
 * Samplers: the order in which a DataLoader visits dataset indices. All randomness comes from a
 * torch Generator, so `torch.manual_seed` makes shuffling reproducible.
 */
import { Generator, default_generator } from "../../tensor/random";
import { TypeError, ValueError } from "../../errors";
import { Tensor } from "../../tensor/tensor";
import { multinomial_row } from "../../ops/sampling";
import { DatasetLike, indexable } from "./dataset";
import { pyDefaultRepr, pyTypeName } from "../../pyrepr";

/** Base class: an iterable of indices (or of index batches) with a length. */
export abstract class Sampler<T = number> implements Iterable<T> {
  abstract [Symbol.iterator](): Iterator<T>;
  abstract len(): number;
  get length(): number {
    return this.len();
  }
}

/** A fresh generator seeded from torch's default generator, as PyTorch's samplers make one per epoch. */
export function seededGenerator(source: Generator = default_generator): Generator {
  // PyTorch's `torch.empty((), dtype=torch.int64).random_()`: a 64-bit draw modulo 2^63.
  return new Generator(source.random64() & 0x7fffffffffffffffn);
}

/**
 * What Python's `len()` makes of the value a `len()`/`__len__()` returned: a non-negative integer,
 * else the builtin's errors (a length of -1, 2.5, NaN, Infinity or "3" would otherwise give a loader
 * that silently yields too few batches, or never ends).
 */
function checkLen(n: unknown): number {
  if (typeof n !== "number" || !Number.isInteger(n)) throw new TypeError(`'${pyTypeName(n)}' object cannot be interpreted as an integer`);
  if (n < 0) throw new ValueError("__len__() should return >= 0");
  return n;
}

/** len(data_source), checked as Python's len() checks it. */
function sourceLen(data_source: DatasetLike<unknown>): number {
  return checkLen(indexable(data_source).size());
}

/** Visits 0, 1, ..., len(data_source) - 1. */
export class SequentialSampler extends Sampler<number> {
  readonly data_source: DatasetLike<unknown>;
  constructor(data_source: DatasetLike<unknown>) {
    super();
    indexable(data_source, "SequentialSampler: data_source");
    this.data_source = data_source;
  }
  *[Symbol.iterator](): Iterator<number> {
    const n = sourceLen(this.data_source);
    for (let i = 0; i < n; i++) yield i;
  }
  len(): number {
    return sourceLen(this.data_source);
  }
}

/**
 * Visits the indices in random order (a new permutation each epoch), or draws `num_samples`
 * indices with replacement.
 *
 * Args:
 *   data_source: the dataset.
 *   replacement: draw with replacement (default false).
 *   num_samples: how many indices per epoch (default len(data_source)).
 *   generator: the random source; by default a new one per epoch, seeded from torch's default generator.
 */
export class RandomSampler extends Sampler<number> {
  readonly data_source: DatasetLike<unknown>;
  readonly replacement: boolean;
  readonly generator: Generator | null;
  private readonly _num_samples: number | null;

  constructor(data_source: DatasetLike<unknown>, options: { replacement?: boolean; num_samples?: number | null; generator?: Generator | null } = {}) {
    super();
    indexable(data_source, "RandomSampler: data_source");
    this.data_source = data_source;
    this.replacement = options.replacement ?? false;
    this._num_samples = options.num_samples ?? null;
    this.generator = options.generator ?? null;
    if (typeof this.replacement !== "boolean") throw new TypeError(`replacement should be a boolean value, but got replacement=${String(this.replacement)}`);
    const ns = this.num_samples;
    if (!Number.isInteger(ns) || ns <= 0) throw new ValueError(`num_samples should be a positive integer value, but got num_samples=${ns}`);
  }

  get num_samples(): number {
    return this._num_samples ?? sourceLen(this.data_source);
  }

  *[Symbol.iterator](): Iterator<number> {
    const n = sourceLen(this.data_source);
    const g = this.generator ?? seededGenerator();
    const total = this.num_samples;
    if (this.replacement) {
      for (let i = 0; i < total; i++) yield g.randint(0, n);
      return;
    }
    for (let r = 0; r < Math.floor(total / n); r++) yield* g.randperm(n);
    yield* g.randperm(n).slice(0, total % n);
  }

  len(): number {
    return this.num_samples;
  }
}

/** Visits the given indices in random order, without replacement. */
export class SubsetRandomSampler extends Sampler<number> {
  readonly indices: number[];
  readonly generator: Generator | null;
  constructor(indices: Iterable<number> | Tensor, options: { generator?: Generator | null } = {}) {
    super();
    this.indices = indices instanceof Tensor ? (Array.from(indices.dataSync()) as number[]) : Array.from(indices);
    this.generator = options.generator ?? null;
  }
  *[Symbol.iterator](): Iterator<number> {
    for (const i of (this.generator ?? default_generator).randperm(this.indices.length)) yield this.indices[i];
  }
  len(): number {
    return this.indices.length;
  }
}

/** @internal the length of a sampler-like object, or null when it has none. */
export function samplerLength(s: unknown): number | null {
  const o = s as Record<string, unknown>;
  if (typeof o.len === "function") return checkLen((o.len as () => unknown).call(s));
  if (typeof o.__len__ === "function") return checkLen((o.__len__ as () => unknown).call(s));
  if (typeof o.length === "number") return checkLen(o.length);
  return null;
}

/**
 * Groups the indices of another sampler into batches of `batch_size` (the last one shorter unless
 * `drop_last`).
 *
 * @example
 * [...new BatchSampler(new SequentialSampler(range10), 3, false)]  // [[0,1,2],[3,4,5],[6,7,8],[9]]
 */
export class BatchSampler extends Sampler<number[]> {
  readonly sampler: Iterable<number>;
  readonly batch_size: number;
  readonly drop_last: boolean;

  constructor(sampler: Iterable<number>, batch_size: number | { batch_size: number; drop_last: boolean }, drop_last?: boolean | { drop_last: boolean }) {
    super();
    if (typeof batch_size === "object" && batch_size !== null) {
      drop_last = batch_size.drop_last;
      batch_size = batch_size.batch_size;
    }
    // BatchSampler(sampler, 3, drop_last=False) written `new BatchSampler(sampler, 3, {drop_last: false})`.
    if (typeof drop_last === "object" && drop_last !== null) drop_last = drop_last.drop_last;
    if (typeof batch_size !== "number" || !Number.isInteger(batch_size) || batch_size <= 0) {
      throw new ValueError(`batch_size should be a positive integer value, but got batch_size=${String(batch_size)}`);
    }
    if (typeof drop_last !== "boolean") throw new ValueError(`drop_last should be a boolean value, but got drop_last=${String(drop_last)}`);
    if (sampler === null || typeof (sampler as Iterable<number>)[Symbol.iterator] !== "function") {
      throw new TypeError("BatchSampler: sampler must be an iterable of indices");
    }
    this.sampler = sampler;
    this.batch_size = batch_size;
    this.drop_last = drop_last;
  }

  *[Symbol.iterator](): Iterator<number[]> {
    let batch: number[] = [];
    for (const idx of this.sampler) {
      batch.push(idx);
      if (batch.length === this.batch_size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0 && !this.drop_last) yield batch;
  }

  len(): number {
    const n = samplerLength(this.sampler);
    if (n === null) throw new TypeError("BatchSampler: the sampler has no length");
    return this.drop_last ? Math.floor(n / this.batch_size) : Math.ceil(n / this.batch_size);
  }
}

/**
 * Draws `num_samples` indices in [0, len(weights)) with probability proportional to `weights`
 * (with replacement by default), e.g. to balance classes.
 *
 * @example
 * const sampler = new WeightedRandomSampler([0.1, 0.9, 0.4, 0.7, 3.0, 0.6], 5, {replacement: true});
 * const same = new WeightedRandomSampler(weights, {num_samples: 5, replacement: true});
 */
export class WeightedRandomSampler extends Sampler<number> {
  readonly weights: number[];
  readonly num_samples: number;
  readonly replacement: boolean;
  readonly generator: Generator | null;

  constructor(
    weights: number[] | Tensor,
    num_samples: number | { num_samples: number; replacement?: boolean; generator?: Generator | null },
    options: { replacement?: boolean; generator?: Generator | null } | boolean = {},
  ) {
    super();
    // WeightedRandomSampler(weights, num_samples=9, replacement=True): num_samples by keyword.
    if (typeof num_samples === "object" && num_samples !== null) {
      options = num_samples;
      num_samples = num_samples.num_samples;
    }
    const o = typeof options === "boolean" ? { replacement: options } : options;
    if (!Number.isInteger(num_samples) || num_samples <= 0 || typeof num_samples === "boolean") {
      throw new ValueError(`num_samples should be a positive integer value, but got num_samples=${String(num_samples)}`);
    }
    const replacement = o.replacement ?? true;
    if (typeof replacement !== "boolean") throw new ValueError(`replacement should be a boolean value, but got replacement=${String(replacement)}`);
    if (weights instanceof Tensor) {
      if (weights.dim() !== 1) throw new ValueError(`weights should be a 1d sequence but given weights have shape (${weights.shape.join(", ")})`);
      this.weights = Array.from(weights.dataSync(), Number);
    } else {
      if (!Array.isArray(weights) || weights.some((w) => typeof w !== "number")) throw new ValueError("weights should be a 1d sequence of numbers");
      this.weights = weights.slice();
    }
    if (this.weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new ValueError("weights must be finite and non-negative");
    const positive = this.weights.filter((w) => w > 0).length;
    if (positive === 0) throw new ValueError("invalid multinomial distribution (sum of probabilities <= 0)");
    if (!replacement && num_samples > positive) throw new ValueError("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
    this.num_samples = num_samples;
    this.replacement = replacement;
    this.generator = o.generator ?? null;
  }

  *[Symbol.iterator](): Iterator<number> {
    // torch.multinomial(torch.as_tensor(weights, dtype=torch.double), num_samples, replacement).
    yield* multinomial_row(this.weights, this.num_samples, this.replacement, this.generator ?? default_generator, false);
  }

  len(): number {
    return this.num_samples;
  }
}

// Python's default reprs: `<torch.utils.data.sampler.RandomSampler object at 0x...>`.
pyDefaultRepr("torch.utils.data.sampler", Sampler, SequentialSampler, RandomSampler, SubsetRandomSampler, BatchSampler, WeightedRandomSampler);
