/**
 * NumPy's new-style generator, `np.random.default_rng(seed)`, draw for draw: a `Generator` over a
 * `PCG64` bit generator seeded through a `SeedSequence`, as NumPy 1.24 builds it.
 *
 * - SeedSequence: the seed's 32-bit words mixed into a pool of four by NumPy's hashmix / mix, then
 *   `generate_state(4, uint64)` gives PCG64's 128-bit state and increment.
 * - PCG64: the 128-bit LCG (PCG's default multiplier) with the XSL-RR output; a 32-bit draw is the low
 *   half of a 64-bit one, the high half kept for the next 32-bit draw, as NumPy's pcg64 does.
 * - doubles from the top 53 bits; integers by Lemire's multiply-and-reject on 32-bit draws (ranges
 *   below 2**32) or 64-bit ones; normals by NumPy's 256-layer ziggurat (tables rebuilt here from the
 *   ziggurat's defining recurrence, within ~1e-13 of NumPy's own); shuffles by the masked `random_interval`; choice without
 *   replacement by Floyd's algorithm and a shuffle, or a tail shuffle of a large population.
 *
 * What goes through a logarithm or an exponential (the ziggurat's rare tail and wedge draws) goes
 * through JavaScript's Math, which may differ from the C library's in the last bit; everything else is
 * NumPy's bit for bit (test/reference/gen_numpy.py's `rng_*` cases).
 */
import { randomBytes } from "crypto";
import { TypeError, ValueError } from "../errors";
import { pyTypeName } from "../pyrepr";
import { isOptions, parseArgs } from "../tensor/args";
import { ndarray } from "../tensor/ndarray";
import { narrowDraws, RandomState, type BitSource, type IntDtype, type Param, type Seed, type Sequence, type Size } from "./random";

const MASK32 = 0xffffffff;
const M64 = (1n << 64n) - 1n;
const M128 = (1n << 128n) - 1n;

// ---------------------------------------------------------------- SeedSequence

const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** An int's 32-bit words, least significant first (NumPy's `_int_to_uint32_array`). */
function words(n: number): number[] {
  if (!Number.isInteger(n)) throw new TypeError("SeedSequence expects int or sequence of ints for entropy not " + String(n));
  if (n < 0) throw new ValueError("expected non-negative integer");
  if (n > Number.MAX_SAFE_INTEGER) throw new ValueError(`a seed of ${n} is beyond JavaScript's exact integers (2**53)`);
  const out = [n % 2 ** 32];
  for (let hi = Math.floor(n / 2 ** 32); hi > 0; hi = Math.floor(hi / 2 ** 32)) out.push(hi % 2 ** 32);
  return out;
}

/** NumPy's SeedSequence: the entropy mixed into a pool of four 32-bit words. */
export class SeedSequence {
  /** The entropy it was made from (fresh entropy when none was given). */
  readonly entropy: number | number[];
  /** @internal */
  readonly _pool: Uint32Array;

  constructor(entropy?: number | readonly number[] | ndarray | null) {
    let run: number[];
    if (entropy === undefined || entropy === null) {
      const fresh = new Uint32Array(randomBytes(16).buffer);
      run = Array.from(fresh);
      this.entropy = run.reduce((acc, w, i) => acc + w * 2 ** (32 * i), 0);
    } else if (typeof entropy === "number") {
      run = words(entropy);
      this.entropy = entropy;
    } else {
      const items = entropy instanceof ndarray ? Array.from(entropy.data as ArrayLike<number>) : Array.from(entropy);
      run = items.flatMap(words);
      this.entropy = items;
    }
    this._pool = mixEntropy(run);
  }

  /** `generate_state(n_words, dtype=np.uint32)`: `n_words` 32-bit words drawn from the pool. */
  generate_state(n_words: number): Uint32Array {
    const out = new Uint32Array(n_words);
    let hc = INIT_B;
    for (let i = 0; i < n_words; i++) {
      let v = this._pool[i % POOL_SIZE];
      v = (v ^ hc) >>> 0;
      hc = Math.imul(hc, MULT_B) >>> 0;
      v = Math.imul(v, hc) >>> 0;
      out[i] = (v ^ (v >>> 16)) >>> 0;
    }
    return out;
  }
}

function mixEntropy(entropy: number[]): Uint32Array {
  let hc = INIT_A;
  const hashmix = (value: number): number => {
    let v = (value ^ hc) >>> 0;
    hc = Math.imul(hc, MULT_A) >>> 0;
    v = Math.imul(v, hc) >>> 0;
    return (v ^ (v >>> 16)) >>> 0;
  };
  const mix = (x: number, y: number): number => {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  };
  const pool = new Uint32Array(POOL_SIZE);
  for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < entropy.length ? entropy[i] : 0);
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
  }
  for (let src = POOL_SIZE; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(entropy[src]));
  }
  return pool;
}

// ---------------------------------------------------------------- PCG64

const PCG_MULT = (2549297995355413924n << 64n) | 4865540595714422341n;

/** NumPy's PCG64 bit generator (XSL-RR 128/64). */
export class PCG64 implements BitSource {
  private state = 0n;
  private inc = 0n;
  private hasUint32 = false;
  private uinteger = 0;
  /** The high and low 32-bit halves of the last 64-bit draw. */
  hi = 0;
  lo = 0;

  constructor(seed?: Seed | SeedSequence) {
    const ss = seed instanceof SeedSequence ? seed : new SeedSequence(seed as number | number[] | ndarray | null | undefined);
    const w = ss.generate_state(8);
    const u64 = (k: number): bigint => (BigInt(w[2 * k + 1]) << 32n) | BigInt(w[2 * k]);
    const initState = (u64(0) << 64n) | u64(1);
    const initSeq = (u64(2) << 64n) | u64(3);
    this.inc = ((initSeq << 1n) | 1n) & M128;
    this.step();
    this.state = (this.state + initState) & M128;
    this.step();
  }

  private step(): void {
    this.state = (this.state * PCG_MULT + this.inc) & M128;
  }

  /** One 64-bit draw, left in `hi` / `lo`. */
  next64(): void {
    this.step();
    const s = this.state;
    const x = ((s >> 64n) ^ s) & M64;
    const rot = BigInt(Number(s >> 122n));
    const r = ((x >> rot) | (x << ((64n - rot) & 63n))) & M64;
    this.hi = Number(r >> 32n);
    this.lo = Number(r & 0xffffffffn);
  }

  /** The last 64-bit draw as a bigint. */
  last64(): bigint {
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }

  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.hi;
    return this.lo;
  }

  nextDouble(): number {
    this.next64();
    return (this.hi * 2 ** 21 + (this.lo >>> 11)) * 2 ** -53;
  }
}

// ---------------------------------------------------------------- the ziggurat

const ZIG_R = 3.6541528853610088;
const ZIG_INV_R = 0.27366123732975828;
const ZIG_V = 0.00492867323397465524494;

/** The 256-layer normal ziggurat's tables (Marsaglia and Tsang's recurrence from the outermost layer in). */
const ZIG = (() => {
  const f = (x: number): number => Math.exp(-0.5 * x * x);
  const m = 2 ** 52;
  const x = new Float64Array(256);
  x[255] = ZIG_R;
  for (let i = 255; i > 1; i--) x[i - 1] = Math.sqrt(-2 * Math.log(ZIG_V / x[i] + f(x[i])));
  const ki = new Float64Array(256);
  const wi = new Float64Array(256);
  const fi = new Float64Array(256);
  ki[0] = Math.floor(((ZIG_R * f(ZIG_R)) / ZIG_V) * m);
  wi[0] = ZIG_V / f(ZIG_R) / m;
  fi[0] = 1;
  for (let i = 1; i < 256; i++) {
    ki[i] = Math.floor((x[i - 1] / x[i]) * m);
    wi[i] = x[i] / m;
    fi[i] = f(x[i]);
  }
  return { ki, wi, fi };
})();

// ---------------------------------------------------------------- the draws

/** Lemire's bounded draw on `bits`-bit words: [0, rng] for rng < 2**bits - 1. */
function lemire(word: () => number, rng: number, bits: number): number {
  const excl = rng + 1;
  const span = 2 ** bits;
  let m = word() * excl;
  let leftover = m % span;
  if (leftover < excl) {
    const threshold = (span - 1 - rng) % excl;
    while (leftover < threshold) {
      m = word() * excl;
      leftover = m % span;
    }
  }
  return Math.floor(m / span);
}

/** The draws of a Generator: RandomState's distributions over PCG64 with the Generator's algorithms. */
class PCG64Draws extends RandomState {
  declare protected gen: PCG64;

  seed(seed?: Seed | Record<string, unknown>): void {
    this.gen = seed instanceof PCG64 ? seed : new PCG64(seed as Seed);
  }

  protected nextGauss(): number {
    const g = this.gen;
    const { ki, wi, fi } = ZIG;
    for (;;) {
      g.next64();
      const idx = g.lo & 0xff;
      const sign = (g.lo >>> 8) & 1;
      const rabs = (g.hi & 0x1fffffff) * 2 ** 23 + (g.lo >>> 9);
      let x = rabs * wi[idx];
      if (sign) x = -x;
      if (rabs < ki[idx]) return x;
      if (idx === 0) {
        for (;;) {
          const xx = -ZIG_INV_R * Math.log1p(-g.nextDouble());
          const yy = -Math.log1p(-g.nextDouble());
          if (yy + yy > xx * xx) return Math.floor(rabs / 256) % 2 === 1 ? -(ZIG_R + xx) : ZIG_R + xx;
        }
      }
      if ((fi[idx - 1] - fi[idx]) * g.nextDouble() + fi[idx] < Math.exp(-0.5 * x * x)) return x;
    }
  }

  /** random_interval past 2**32 - 1: masked rejection on PCG64's 64-bit words. */
  protected interval64(max: number): number {
    const big = BigInt(max);
    let mask = big;
    for (const s of [1n, 2n, 4n, 8n, 16n, 32n]) mask |= mask >> s;
    let v: bigint;
    do {
      this.gen.next64();
      v = this.gen.last64() & mask;
    } while (v > big);
    return Number(v);
  }

  /** `random_bounded_uint64(off=0, rng)`: one int in [0, rng] by Lemire's method. */
  private boundedOne(rng: number): number {
    if (rng === 0) return 0;
    if (rng === MASK32) return this.gen.nextUint32();
    if (rng < MASK32) return lemire(() => this.gen.nextUint32(), rng, 32);
    return this.lemire64(rng);
  }

  private lemire64(rng: number): number {
    const excl = BigInt(rng) + 1n;
    const draw = (): bigint => {
      this.gen.next64();
      return this.gen.last64() * excl;
    };
    let m = draw();
    let leftover = m & M64;
    if (leftover < excl) {
      const threshold = (M64 - BigInt(rng)) % excl;
      while (leftover < threshold) {
        m = draw();
        leftover = m & M64;
      }
    }
    return Number(m >> 64n);
  }

  protected bounded(off: number, rng: number, count: number, dtype: IntDtype): number[] {
    const out = new Array<number>(count);
    if (rng === 0) return out.fill(off);
    if (dtype === "int64" || dtype === "int32") {
      for (let i = 0; i < count; i++) out[i] = off + this.boundedOne(rng);
      return out;
    }
    const [word, bits] = narrowDraws(() => this.gen.nextUint32(), dtype);
    for (let i = 0; i < count; i++) out[i] = off + (bits === 1 ? word() : rng === 2 ** bits - 1 ? word() : lemire(word, rng, bits));
    return out;
  }

  /** Generator.choice(replace=False): a tail shuffle of a large population, else Floyd's algorithm, then a shuffle. */
  protected withoutReplacement(popSize: number, count: number): number[] {
    if (popSize > 10000 && count > Math.floor(popSize / 50)) {
      const idx = Array.from({ length: popSize }, (_, i) => i);
      this.shuffleInts(idx, Math.max(popSize - count, 1));
      return idx.slice(popSize - count);
    }
    const idx = new Array<number>(count);
    const chosen = new Set<number>();
    for (let j = popSize - count; j < popSize; j++) {
      const v = this.boundedOne(j);
      const pick = chosen.has(v) ? j : v;
      chosen.add(pick);
      idx[j - popSize + count] = pick;
    }
    this.shuffleInts(idx, 1);
    return idx;
  }

  /** NumPy's `_shuffle_int`: Fisher-Yates from the end down to `first`, by Lemire's bounded draw. */
  private shuffleInts(data: number[], first: number): void {
    for (let i = data.length - 1; i >= first; i--) {
      const j = this.boundedOne(i);
      [data[i], data[j]] = [data[j], data[i]];
    }
  }
}

/** Keyword arguments in a trailing object: `rng.normal(0, 1, {size: 3})`. */
type Kw = Record<string, unknown>;

/**
 * NumPy's `Generator` (what `np.random.default_rng(seed)` returns): draws from a PCG64 bit generator
 * with NumPy's Generator algorithms. Results are NumPy's types: a number without `size`, an ndarray
 * (float64, or int64 for integers) with one.
 * @example const rng = np.random.default_rng(42); const x = rng.normal(0, 1, {size: [100, 2]})
 */
export class Generator {
  private readonly draws: PCG64Draws;
  /** The bit generator (NumPy's `rng.bit_generator`). */
  readonly bit_generator: PCG64;

  constructor(bit_generator: PCG64) {
    if (!(bit_generator instanceof PCG64)) throw new TypeError("BitGenerator expected");
    this.bit_generator = bit_generator;
    this.draws = new PCG64Draws(bit_generator as unknown as Seed);
  }

  /**
   * `integers(low, high=None, size=None, dtype=np.int64, endpoint=False)`: ints in [low, high) (or
   * [0, low) without high; [low, high] with `endpoint`), by Lemire's method.
   * @example rng.integers(0, 10, {size: 5})
   */
  integers(low: number, high?: number | null, size?: null, dtype?: unknown, endpoint?: boolean): number;
  integers(low: number | Kw, high?: number | null | Kw, size?: Size | Kw, dtype?: unknown, endpoint?: boolean | Kw): ndarray;
  integers(low: number | Kw, high?: number | null | Kw, size?: Size | Kw, dtype?: unknown, endpoint?: boolean | Kw): number | boolean | ndarray {
    const o = parseArgs("integers", [low, high, size, dtype, endpoint], ["low", "high", "size", "dtype", "endpoint"]);
    if (o.low === undefined) throw new TypeError("integers() missing 1 required positional argument: 'low'");
    const noHigh = o.high === undefined || o.high === null;
    const lo = noHigh ? 0 : o.low;
    let hi = noHigh ? o.low : o.high;
    if (o.endpoint === true) {
      if (typeof lo !== "number" || typeof hi !== "number") throw new TypeError(`integers() takes numbers as low and high (got ${pyTypeName(lo)} and ${pyTypeName(hi)})`);
      if (lo > hi) throw new ValueError(noHigh ? "high < 0" : "low > high");
      hi += 1;
    }
    return this.draws.randint(lo as number, hi as number, { size: o.size ?? null, dtype: o.dtype });
  }

  /** `random(size=None)`: floats in [0, 1) from the top 53 bits of a 64-bit draw. */
  random(size?: null): number;
  random(size: number | readonly number[] | Kw): ndarray;
  random(size?: Size | Kw): number | ndarray {
    return this.draws.random_sample(isOptions(size) ? size : { size: size ?? null });
  }

  /** `standard_normal(size=None)`: standard normals by NumPy's ziggurat. */
  standard_normal(size?: null): number;
  standard_normal(size: number | readonly number[] | Kw): ndarray;
  standard_normal(size?: Size | Kw): number | ndarray {
    return this.draws.standard_normal(isOptions(size) ? size : { size: size ?? null });
  }

  /** `normal(loc=0.0, scale=1.0, size=None)`: `loc + scale * z`, z by the ziggurat. */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc?: Param | Kw, scale?: Param | Kw, size?: Size | Kw): ndarray;
  normal(loc?: Param | Kw, scale?: Param | Kw, size?: Size | Kw): number | ndarray {
    return this.draws.normal(loc as Param, scale as Param, size as Size);
  }

  /** `uniform(low=0.0, high=1.0, size=None)`: floats in [low, high). */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low?: Param | Kw, high?: Param | Kw, size?: Size | Kw): ndarray;
  uniform(low?: Param | Kw, high?: Param | Kw, size?: Size | Kw): number | ndarray {
    return this.draws.uniform(low as Param, high as Param, size as Size);
  }

  /**
   * `choice(a, size=None, replace=True, p=None)`: elements of `a` (or ints below `a`): uniform by
   * `integers`, weighted by `p`, or without replacement by Floyd's algorithm (then shuffled).
   * @example rng.choice(10, 3, {replace: false})
   */
  // Typed sizes first, then a size the checker types `any` (an untyped parameter's, get_batch's
  // `np.random.choice(n - seq_length, batch_size)`): a size, so an array, where an overload with
  // `size?: null` would have caught it (without strictNullChecks, null is any) and typed a scalar.
  choice(a: number | ndarray | readonly number[] | Iterable<number>, size: Size | Kw, replace?: boolean | Kw, p?: ArrayLike<number> | ndarray | null | Kw): ndarray;
  choice<T>(a: readonly T[] | Iterable<T>, size: Size | Kw, replace?: boolean | Kw, p?: ArrayLike<number> | ndarray | null | Kw): T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  choice(a: unknown, size: any, replace?: boolean | Kw, p?: ArrayLike<number> | ndarray | null | Kw): ndarray;
  choice(a: number | ndarray, size?: null, replace?: boolean, p?: ArrayLike<number> | ndarray | null | Kw): number;
  choice<T>(a: readonly T[] | Iterable<T>, size?: null, replace?: boolean, p?: ArrayLike<number> | ndarray | null | Kw): T;
  choice(a: number | Sequence | Kw, size?: Size | Kw, replace?: boolean | Kw, p?: ArrayLike<number> | ndarray | null | Kw): unknown {
    return (this.draws.choice as (...args: unknown[]) => unknown)(a, size, replace, p);
  }

  /** `shuffle(x)`: shuffles a list or an ndarray (along its first axis) in place. */
  shuffle(x: unknown[] | ndarray): void {
    this.draws.shuffle(x);
  }

  /** `permutation(x)`: `arange(x)` shuffled for an int; else a shuffled copy (along the first axis). */
  permutation(x: number | ndarray | readonly number[] | readonly (readonly number[])[] | Iterable<number>): ndarray;
  permutation<T>(x: readonly T[] | Iterable<T>): T[];
  permutation(x: number | Sequence): ndarray | unknown[] {
    return this.draws.permutation(x as number);
  }

  toString(): string {
    return "Generator(PCG64)";
  }
}

/**
 * `np.random.default_rng(seed=None)`: a Generator over PCG64 seeded through SeedSequence(seed) (an
 * int, a list of ints, or nothing for fresh entropy); a Generator given is returned as it is.
 * @example const rng = np.random.default_rng(0); rng.random(3)
 */
export function default_rng(seed?: Seed | Generator | PCG64 | SeedSequence): Generator {
  if (seed instanceof Generator) return seed;
  if (seed instanceof PCG64) return new Generator(seed);
  if (seed !== undefined && seed !== null && typeof seed !== "number" && !(seed instanceof SeedSequence) && !(seed instanceof ndarray) && !Array.isArray(seed)) {
    throw new TypeError(`SeedSequence expects int or sequence of ints for entropy not ${pyTypeName(seed)}`);
  }
  return new Generator(new PCG64(seed as Seed));
}
