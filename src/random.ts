/**
 * Python's `random` module, draw for draw: `random.seed(42); random.shuffle(words)` puts the words in
 * the order Python 3.11 does, so a port of code that samples with `random` (makemore's shuffle, a
 * replay memory's `random.sample`, an epsilon-greedy `random.random()`) follows Python's trajectory.
 * In every notebook's scope as `random` (kernel/prelude.ts), as `copy` is.
 *
 * The generator is CPython's: the Mersenne Twister MT19937 (src/mt19937.ts, shared with np.random)
 * seeded by init_by_array with the 32-bit words of |n| (a string or bytes seed through sha512 first, as
 * `seed(version=2)`; a non-integral number through Python's float hash), `random()` from 53 bits of two words, integers by getrandbits rejection
 * (`_randbelow`), `sample`'s pool or set algorithm by the same size rule, `choices` by bisecting the
 * cumulative weights, `gauss`'s cached second value (reset by `seed` and restored by `setstate`), and
 * `getstate()` as Python's `(3, (624 words..., index), gauss_next)`. Checked against Python 3.11 by
 * test/reference/gen_random.py: every integer, choice, shuffle, sample and `random()` / `uniform` draw
 * is Python's bit for bit; `gauss`, `normalvariate` and `expovariate` go through JavaScript's
 * Math.log / cos / sin, which may differ from the C library's in the last bit (1 ulp), not in the draws.
 *
 * Keyword arguments come in a trailing options object, as everywhere in torchlab:
 * `random.choices(population, {weights: w, k: 10})`, `random.sample(xs, {k: 5})` (in a cell, Python's
 * `weights=w, k=10` is rewritten so). JavaScript numbers are Python's ints only up to 2**53; a range
 * beyond that is refused rather than drawn from a different stream.
 */
import { createHash, randomBytes } from "crypto";
import { IndexError, OverflowError, TypeError, ValueError } from "./errors";
import { MT19937 } from "./mt19937";
import { asPyTuple } from "./pyrepr";

const N = MT19937.N;
const TWOPI = 2 * Math.PI;
const NV_MAGICCONST = (4 * Math.exp(-0.5)) / Math.sqrt(2.0);
const MAX_EXACT = 2 ** 53;

/** What Python's `seed(a)` accepts: None, an int or float, a str, bytes. */
export type Seed = number | bigint | string | Uint8Array | null | undefined;

/** A sequence Python can index and measure: a list, a string, a `range(...)` (src/builtins.ts). */
export type Population<T> = ArrayLike<T> | { len(): number; getitem(i: number): T };

/** `getstate()`'s value: `(3, (624 words..., index), gauss_next)`. */
export type RandomState = [number, number[], number | null];

export interface ChoicesOptions {
  /** Relative weights, one per element of the population. */
  weights?: ArrayLike<number> | null;
  /** Cumulative weights (Python's `itertools.accumulate(weights)`); not with `weights`. */
  cum_weights?: ArrayLike<number> | null;
  /** How many draws (with replacement). Default 1. */
  k?: number;
}

export interface SampleOptions {
  /** How many distinct positions to draw. */
  k?: number;
  /** Repeats of each element: `sample(["red", "blue"], {counts: [4, 2], k: 5})`. */
  counts?: ArrayLike<number> | null;
}

function lengthOf<T>(seq: Population<T>, what: string): number {
  if (typeof seq === "string" || (seq !== null && typeof seq === "object" && typeof (seq as ArrayLike<T>).length === "number")) {
    return (seq as ArrayLike<T>).length;
  }
  if (seq !== null && typeof seq === "object" && typeof (seq as { len?: unknown }).len === "function") return (seq as { len(): number }).len();
  throw new TypeError(what);
}

function itemOf<T>(seq: Population<T>, i: number): T {
  return typeof (seq as { getitem?: unknown }).getitem === "function"
    ? (seq as { getitem(i: number): T }).getitem(i)
    : (seq as ArrayLike<T>)[i];
}

/** An int argument of randrange, as Python's `_index` (a float with a fraction is Python 3.11's ValueError). */
function index(x: number, which: string): number {
  if (typeof x !== "number") throw new TypeError(`'${typeof x}' object cannot be interpreted as an integer`);
  if (!Number.isInteger(x)) throw new ValueError(`non-integer ${which} for randrange()`);
  return x;
}

/** `n.bit_length()` of a non-negative exact integer. */
function bitLength(n: number): number {
  return n === 0 ? 0 : n.toString(2).length;
}

/** `hash(x)` of a Python float that is not a whole number (x = m * 2**e mod 2**61 - 1, signed). */
function floatHash(x: number): bigint {
  if (x === Infinity) return 314159n;
  if (x === -Infinity) return -314159n;
  const P = (1n << 61n) - 1n;
  let e = 0;
  let m = Math.abs(x);
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  const shift = BigInt(((e % 61) + 61) % 61);
  let h = (BigInt(m) << shift) % P;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

/** The big integer Python's `random_seed` feeds to init_by_array for seed `a` (version 2). */
function seedInteger(a: Seed): bigint {
  if (a === null || a === undefined) return BigInt(`0x${randomBytes(32).toString("hex")}`);
  if (typeof a === "string" || a instanceof Uint8Array) {
    const bytes = typeof a === "string" ? Buffer.from(a, "utf8") : Buffer.from(a);
    const all = Buffer.concat([bytes, createHash("sha512").update(bytes).digest()]);
    return BigInt(`0x${all.toString("hex")}`);
  }
  if (typeof a === "bigint") return a < 0n ? -a : a;
  if (typeof a === "number") {
    // Python's hash of NaN is its object's address: no reproducible stream to follow.
    if (Number.isNaN(a)) return seedInteger(null);
    if (Number.isInteger(a)) return BigInt(Math.abs(a));
    const h = floatHash(a);
    return h < 0n ? (1n << 64n) + h : h; // (size_t)hash
  }
  throw new TypeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
}

/**
 * Python's `random.Random`: one generator with its own state. The module's functions are one shared
 * instance's methods, as in Python.
 * @example const rng = new random.Random(0); rng.random()
 */
export class Random {
  private gen = new MT19937();
  /** The second normal value of gauss()'s last pair, returned by the next call. */
  gauss_next: number | null = null;

  constructor(x?: Seed) {
    this.seed(x);
  }

  /**
   * Seeds the generator as Python's `random.seed(a)`: an int by all its bits (|a|), a str or bytes by
   * `a + sha512(a)`, a float by its hash, nothing by fresh entropy.
   */
  seed(a?: Seed): void {
    let n = seedInteger(a);
    const key: number[] = [];
    do {
      key.push(Number(n & 0xffffffffn));
      n >>= 32n;
    } while (n > 0n);
    this.gen.initByArray(key);
    this.gauss_next = null;
  }

  private nextUint32(): number {
    return this.gen.nextUint32();
  }

  /** `random.random()`: a float in [0, 1) from 53 random bits. */
  random(): number {
    return this.gen.nextDouble();
  }

  /** `random.getrandbits(k)`: an int of k random bits (k <= 53 here: JavaScript's exact integers). */
  getrandbits(k: number): number {
    if (!Number.isInteger(k)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (k < 0) throw new ValueError("number of bits must be non-negative");
    if (k > 53) throw new OverflowError(`getrandbits(${k}): more than 53 bits is not an exact JavaScript number`);
    if (k === 0) return 0;
    if (k <= 32) return this.nextUint32() >>> (32 - k);
    // Python fills 32-bit words from the least significant; the last word keeps its top bits.
    const low = this.nextUint32();
    const high = this.nextUint32() >>> (64 - k);
    return high * 4294967296 + low;
  }

  /** Python's `_randbelow(n)`: an int in [0, n) by rejection on bit_length(n) random bits. */
  private randbelow(n: number): number {
    if (n > MAX_EXACT) throw new OverflowError(`a range of ${n} integers is beyond JavaScript's exact integers (2**53)`);
    const k = bitLength(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /** `random.randrange(stop)` / `randrange(start, stop[, step])`: an int from `range(start, stop, step)`. */
  randrange(start: number, stop?: number | null, step?: number): number {
    const istart = index(start, "arg 1");
    if (stop === undefined || stop === null) {
      if (step !== undefined && step !== 1) throw new TypeError("Missing a non-None stop argument");
      if (istart > 0) return this.randbelow(istart);
      throw new ValueError("empty range for randrange()");
    }
    const istop = index(stop, "stop");
    const width = istop - istart;
    const istep = index(step ?? 1, "step");
    if (istep === 1) {
      if (width > 0) return istart + this.randbelow(width);
      throw new ValueError(`empty range for randrange() (${istart}, ${istop}, ${width})`);
    }
    let n: number;
    if (istep > 0) n = Math.floor((width + istep - 1) / istep);
    else if (istep < 0) n = Math.floor((width + istep + 1) / istep);
    else throw new ValueError("zero step for randrange()");
    if (n <= 0) throw new ValueError("empty range for randrange()");
    return istart + istep * this.randbelow(n);
  }

  /** `random.randint(a, b)`: an int in [a, b], both ends included. */
  randint(a: number, b: number): number {
    return this.randrange(a, b + 1);
  }

  /** `random.choice(seq)`: one element of a non-empty sequence. */
  choice<T>(seq: Population<T>): T;
  choice(seq: string): string;
  choice<T>(seq: Population<T> | string): T | string {
    const n = lengthOf(seq as Population<T>, `object of type '${typeof seq}' has no len()`);
    if (!n) throw new IndexError("Cannot choose from an empty sequence");
    return itemOf(seq as Population<T>, this.randbelow(n));
  }

  /** `random.shuffle(x)`: shuffles the list in place (Python returns None). */
  shuffle(x: unknown[]): void {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = this.randbelow(i + 1);
      [x[i], x[j]] = [x[j], x[i]];
    }
  }

  /**
   * `random.sample(population, k)`: k elements at distinct positions, in selection order.
   * @example random.sample(range(100), 5)
   * @example random.sample(["red", "blue"], {counts: [4, 2], k: 5})
   */
  sample<T>(population: Population<T>, k: number | SampleOptions, options?: SampleOptions): T[];
  sample(population: string, k: number | SampleOptions, options?: SampleOptions): string[];
  sample<T>(population: Population<T> | string, k: number | SampleOptions, options: SampleOptions = {}): T[] {
    const opts: SampleOptions = typeof k === "object" && k !== null ? { ...k, ...options } : { ...options, k };
    const pop = population as Population<T>;
    const notSequence = "Population must be a sequence.  For dicts or sets, use sorted(d).";
    if (population instanceof Set || population instanceof Map) throw new TypeError(notSequence);
    const n = lengthOf(pop, notSequence);
    const count = opts.k;
    if (count === undefined) throw new TypeError("Random.sample() missing 1 required positional argument: 'k'");
    if (opts.counts !== undefined && opts.counts !== null) {
      const cum: number[] = [];
      let acc = 0;
      for (let i = 0; i < opts.counts.length; i++) cum.push((acc += opts.counts[i]));
      if (cum.length !== n) throw new ValueError("The number of counts does not match the population");
      const total = cum.pop() as number;
      if (!Number.isInteger(total)) throw new TypeError("Counts must be integers");
      if (total <= 0) throw new ValueError("Total of counts must be greater than zero");
      const picks = this.sample({ len: () => total, getitem: (i: number) => i }, count);
      return picks.map((s) => itemOf(pop, bisectRight(cum, s, 0, cum.length)));
    }
    if (!(count >= 0 && count <= n)) throw new ValueError("Sample larger than population or is negative");
    const result = new Array<T>(count);
    let setsize = 21;
    if (count > 5) setsize += 4 ** Math.ceil(Math.log(count * 3) / Math.log(4));
    if (n <= setsize) {
      const pool = Array.from({ length: n }, (_, i) => itemOf(pop, i));
      for (let i = 0; i < count; i++) {
        const j = this.randbelow(n - i);
        result[i] = pool[j];
        pool[j] = pool[n - i - 1];
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < count; i++) {
        let j = this.randbelow(n);
        while (selected.has(j)) j = this.randbelow(n);
        selected.add(j);
        result[i] = itemOf(pop, j);
      }
    }
    return result;
  }

  /**
   * `random.choices(population, weights=None, *, cum_weights=None, k=1)`: k draws with replacement.
   * @example random.choices(["a", "b", "c"], {weights: [10, 1, 1], k: 5})
   */
  choices<T>(population: Population<T>, weights?: ArrayLike<number> | null | ChoicesOptions, options?: ChoicesOptions): T[];
  choices(population: string, weights?: ArrayLike<number> | null | ChoicesOptions, options?: ChoicesOptions): string[];
  choices<T>(population: Population<T> | string, weights?: ArrayLike<number> | null | ChoicesOptions, options: ChoicesOptions = {}): T[] {
    const isOptions = weights !== null && typeof weights === "object" && !("length" in weights);
    const opts: ChoicesOptions = isOptions ? { ...(weights as ChoicesOptions), ...options } : { ...options, weights: weights as ArrayLike<number> | null | undefined };
    const pop = population as Population<T>;
    const n = lengthOf(pop, `object of type '${typeof population}' has no len()`);
    const k = opts.k ?? 1;
    let cum: ArrayLike<number>;
    if (opts.cum_weights === undefined || opts.cum_weights === null) {
      if (opts.weights === undefined || opts.weights === null) {
        return Array.from({ length: Math.max(0, k) }, () => itemOf(pop, Math.floor(this.random() * n)));
      }
      const acc: number[] = [];
      let s = 0;
      for (let i = 0; i < opts.weights.length; i++) acc.push((s += opts.weights[i]));
      cum = acc;
    } else if (opts.weights !== undefined && opts.weights !== null) {
      throw new TypeError("Cannot specify both weights and cumulative weights");
    } else cum = opts.cum_weights;
    if (cum.length !== n) throw new ValueError("The number of weights does not match the population");
    const total = cum[n - 1];
    if (total <= 0) throw new ValueError("Total of weights must be greater than zero");
    if (!Number.isFinite(total)) throw new ValueError("Total of weights must be finite");
    return Array.from({ length: Math.max(0, k) }, () => itemOf(pop, bisectRight(cum, this.random() * total, 0, n - 1)));
  }

  /** `random.uniform(a, b)`: `a + (b - a) * random()`. */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /** `random.gauss(mu=0, sigma=1)`: Box-Muller, the pair's second value kept for the next call. */
  gauss(mu = 0, sigma = 1): number {
    let z = this.gauss_next;
    this.gauss_next = null;
    if (z === null) {
      const x2pi = this.random() * TWOPI;
      const g2rad = Math.sqrt(-2.0 * Math.log(1.0 - this.random()));
      z = Math.cos(x2pi) * g2rad;
      this.gauss_next = Math.sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  /** `random.normalvariate(mu=0, sigma=1)`: Kinderman and Monahan's ratio method. */
  normalvariate(mu = 0, sigma = 1): number {
    let z: number;
    for (;;) {
      const u1 = this.random();
      const u2 = 1.0 - this.random();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      const zz = (z * z) / 4.0;
      if (zz <= -Math.log(u2)) break;
    }
    return mu + z * sigma;
  }

  /** `random.expovariate(lambd)`: exponential with rate `lambd`. */
  expovariate(lambd: number): number {
    return -Math.log(1.0 - this.random()) / lambd;
  }

  /** `random.getstate()`: `(3, (the 624 words..., position), gauss_next)`, for setstate. */
  getstate(): RandomState {
    return asPyTuple([3, asPyTuple([...this.gen.mt, this.gen.mti]), this.gauss_next]) as RandomState;
  }

  /** `random.setstate(state)`: back to a state getstate() returned. */
  setstate(state: RandomState): void {
    const [version, internal, gaussNext] = state;
    if (version !== 3 && version !== 2) throw new ValueError(`state with version ${version} passed to Random.setstate() of version 3`);
    if (internal.length !== N + 1) throw new ValueError("state vector is the wrong size");
    const pos = internal[N];
    if (!Number.isInteger(pos) || pos < 0 || pos > N) throw new ValueError("invalid state");
    for (let i = 0; i < N; i++) this.gen.mt[i] = ((internal[i] % 4294967296) + 4294967296) % 4294967296;
    this.gen.mti = pos;
    this.gauss_next = gaussNext;
  }
}

/** Python's `bisect.bisect_right(a, x, lo, hi)`. */
function bisectRight(a: ArrayLike<number>, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < a[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The module's generator, seeded from fresh entropy at load as Python's is. */
const shared = new Random();

/** `random.seed(a)`: see Random.seed. `random.seed(42)` then gives Python's draws. */
export const seed = (a?: Seed): void => shared.seed(a);
/** `random.random()`: a float in [0, 1). */
export const random = (): number => shared.random();
/** `random.getrandbits(k)`: k random bits as an int. */
export const getrandbits = (k: number): number => shared.getrandbits(k);
/** `random.randrange(stop)` / `randrange(start, stop[, step])`. */
export const randrange = (start: number, stop?: number | null, step?: number): number => shared.randrange(start, stop, step);
/** `random.randint(a, b)`: an int in [a, b]. */
export const randint = (a: number, b: number): number => shared.randint(a, b);
/** `random.choice(seq)`: one element. */
export const choice = shared.choice.bind(shared) as Random["choice"];
/** `random.shuffle(x)`: in place, as Python's. */
export const shuffle = (x: unknown[]): void => shared.shuffle(x);
/** `random.sample(population, k)`: k elements at distinct positions. */
export const sample = shared.sample.bind(shared) as Random["sample"];
/** `random.choices(population, {weights, cum_weights, k})`: k draws with replacement. */
export const choices = shared.choices.bind(shared) as Random["choices"];
/** `random.uniform(a, b)`. */
export const uniform = (a: number, b: number): number => shared.uniform(a, b);
/** `random.gauss(mu=0, sigma=1)`. */
export const gauss = (mu?: number, sigma?: number): number => shared.gauss(mu, sigma);
/** `random.normalvariate(mu=0, sigma=1)`. */
export const normalvariate = (mu?: number, sigma?: number): number => shared.normalvariate(mu, sigma);
/** `random.expovariate(lambd)`. */
export const expovariate = (lambd: number): number => shared.expovariate(lambd);
/** `random.getstate()`. */
export const getstate = (): RandomState => shared.getstate();
/** `random.setstate(state)`. */
export const setstate = (state: RandomState): void => shared.setstate(state);
