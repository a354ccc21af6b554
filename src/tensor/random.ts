/**
 * Seeded pseudo-random numbers, bit for bit PyTorch's CPU generator (1.13). Every random function in
 * torchlab (rand, randn, randint, randperm, init, dropout, DataLoader shuffling, augmentation) draws
 * from a Generator, by default `torch.default_generator`, in the order PyTorch draws, so that
 * `torch.manual_seed(0); torch.rand(3)` prints PyTorch's [0.4963, 0.7682, 0.0885] and a seeded
 * `nn.Linear` starts from PyTorch's weights.
 *
 * The engine is at::mt19937 seeded with the low 32 bits of the 64-bit seed. A new Generator and an
 * unseeded process start from 67280421310721, as a new torch.Generator() does (PyTorch seeds its
 * default generator from the OS, which no one can reproduce). The transforms are ATen's (non-MKL):
 * - float uniform: (u32 & 0xFFFFFF) * 2^-24, then `x * (to - from) + from` fused in float32;
 *   double uniform: the 53 low bits of a 64-bit draw (two 32-bit draws, the first the high word);
 * - float64 (torchlab stores it in float32): uniforms and normals drawn as doubles, then rounded;
 * - normal on >= 16 floats: fill with float uniforms, Box-Muller in blocks of 16 (u1 = 1 - d[j],
 *   u2 = d[j + 8]); when n % 16 != 0 the last 16 are refilled and transformed again. Fewer than 16:
 *   normal_distribution<double>, whose second Box-Muller value is cached in the generator
 *   (manual_seed clears it);
 * - randint: u32 % range + low (a 64-bit draw when range >= 2^32); randperm: swap i with
 *   i + u32 % (n - i); bernoulli(p): double uniform < p; exponential: -log(1 - double uniform) / lambd.
 * The float32 Box-Muller uses the AVX2 float polynomials for log and sincos that PyTorch's x86 build
 * runs (an ARM or non-AVX2 build of PyTorch calls libm instead and differs in the last bits).
 */
import { ValueError, TypeError } from "../errors";
import { IPYTHON_REPR, ipythonRepr, objectRepr } from "../pyrepr";
import type { Tensor } from "./tensor";
import { from_typed } from "../ops/creation";
import { simdBoxMuller } from "../backend/simd_normal";
import * as C from "../backend/cephes_f32";

// Module-level aliases: under jest, code runs in a vm context whose global lookups (`Math`) go
// through an interceptor on every call, which made the bulk fills many times slower there.
const { sqrt, log, cos, sin, fround, floor } = Math;

const N = 624;
const M = 397;
const DEFAULT_SEED = 67280421310721;
const TWO_PI = 2 * Math.PI;
const FTWO_PI = C.FTWO_PI;
const F24 = 1 / 16777216;
const F53 = 1 / 9007199254740992;
const STATE_LEN = N + 6;
// mt19937's constants as int32 (the literals exceed 2^31, and mixing doubles into the bit operations
// made every draw convert).
const MATRIX_A = 0x9908b0df | 0;
const TEMPER_B = 0x9d2c5680 | 0;
const TEMPER_C = 0xefc60000 | 0;
const UPPER = 0x80000000 | 0;

export class Generator {
  private mt = new Int32Array(N);
  private mti = N;
  private seed_: bigint = 0n;
  /** normal_distribution<double>'s cached second value (PyTorch's next_double_normal_sample). */
  private nextNormal: number | null = null;

  constructor(seed: number | bigint = DEFAULT_SEED) {
    this.manual_seed(seed);
  }

  /** Re-seeds this generator (only the low 32 bits reach mt19937, as in PyTorch); returns it. */
  manual_seed(seed: number | bigint): this {
    let s: bigint;
    if (typeof seed === "bigint") s = seed;
    else {
      if (typeof seed !== "number" || !Number.isFinite(seed)) throw new ValueError(`manual_seed expected a finite integer seed, got ${String(seed)}`);
      s = BigInt(Math.trunc(seed));
    }
    // PyTorch reads a negative seed as its 64-bit two's complement.
    this.seed_ = BigInt.asUintN(64, s);
    const mt = this.mt;
    mt[0] = Number(this.seed_ & 0xffffffffn);
    for (let j = 1; j < N; j++) {
      const p = mt[j - 1] ^ (mt[j - 1] >>> 30);
      mt[j] = Math.imul(1812433253, p) + j;
    }
    this.mti = N;
    this.nextNormal = null;
    return this;
  }

  /** Python's repr of a torch.Generator, with a made-up address (src/pyrepr.ts), not its 624-word state. */
  toString(): string {
    return objectRepr(this, "torch._C.Generator");
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** A notebook cell ending in `torch.manual_seed(0)` shows IPython's `<torch._C.Generator at 0x...>`. */
  [IPYTHON_REPR](): string {
    return ipythonRepr(this, "torch._C.Generator");
  }

  /** The seed this generator was last seeded with (a 64-bit seed above 2^53 loses its low bits here). */
  initial_seed(): number {
    return Number(this.seed_);
  }

  /** Seeds from a non-deterministic source and returns the seed, as torch.Generator.seed(). */
  seed(): number {
    const s = floor(Math.random() * 2 ** 21) * 2 ** 32 + floor(Math.random() * 2 ** 32);
    this.manual_seed(s);
    return s;
  }

  /**
   * The full state as an int32 tensor of 630 values (mt19937's 624 words, the position in them, the
   * seed's two halves, and the cached normal's flag and float64 bits). PyTorch returns a uint8
   * tensor of 5056 bytes in its own layout; the two formats are not interchangeable.
   */
  get_state(): Tensor {
    return from_typed(this._state_words(), [STATE_LEN], { dtype: "int32" });
  }

  /** Restores a state that get_state() returned (a Tensor, or its values as an array). */
  set_state(state: Tensor | Int32Array | number[]): this {
    let w: ArrayLike<number>;
    if (Array.isArray(state) || state instanceof Int32Array) w = state;
    else if (state !== null && typeof state === "object" && typeof (state as Tensor).dataSync === "function") {
      if ((state as Tensor).dtype._tf !== "int32") throw new TypeError(`set_state(): expected the int32 tensor get_state() returned, got dtype ${(state as Tensor).dtype}`);
      w = (state as Tensor).dataSync();
    } else throw new TypeError("set_state(): expected the tensor get_state() returned");
    if (w.length !== STATE_LEN) throw new ValueError(`set_state(): expected a state of ${STATE_LEN} values (what get_state() returns), got ${w.length}`);
    const mti = w[N];
    if (!(Number.isInteger(mti) && mti >= 0 && mti <= N)) throw new ValueError(`set_state(): invalid state (position ${mti} outside 0..${N})`);
    for (let i = 0; i < N; i++) this.mt[i] = w[i];
    this.mti = mti;
    this.seed_ = (BigInt(w[N + 1] >>> 0) << 32n) | BigInt(w[N + 2] >>> 0);
    if (w[N + 3]) {
      const b = new Int32Array([w[N + 4], w[N + 5]]);
      this.nextNormal = new Float64Array(b.buffer)[0];
    } else this.nextNormal = null;
    return this;
  }

  /** The state's words (see get_state), for code that needs no tensor. */
  _state_words(): Int32Array {
    const w = new Int32Array(STATE_LEN);
    w.set(this.mt);
    w[N] = this.mti;
    w[N + 1] = Number(this.seed_ >> 32n) | 0;
    w[N + 2] = Number(this.seed_ & 0xffffffffn) | 0;
    if (this.nextNormal !== null) {
      w[N + 3] = 1;
      const b = new Int32Array(new Float64Array([this.nextNormal]).buffer);
      w[N + 4] = b[0];
      w[N + 5] = b[1];
    }
    return w;
  }

  /** mt19937's next_state: regenerates all 624 words. */
  private twist(): void {
    const mt = this.mt;
    let k = 0;
    for (; k < N - M; k++) {
      const y = (mt[k] & UPPER) | (mt[k + 1] & 0x7fffffff);
      mt[k] = mt[k + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; k < N - 1; k++) {
      const y = (mt[k] & UPPER) | (mt[k + 1] & 0x7fffffff);
      mt[k] = mt[k + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    const y = (mt[N - 1] & UPPER) | (mt[0] & 0x7fffffff);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.mti = 0;
  }

  /** A uniformly distributed 32-bit unsigned integer (PyTorch's generator->random()). */
  nextUint32(): number {
    if (this.mti >= N) this.twist();
    let y = this.mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & TEMPER_B;
    y ^= (y << 15) & TEMPER_C;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A 64-bit draw (generator->random64()): two 32-bit draws, the first the high word. */
  random64(): bigint {
    const hi = this.nextUint32();
    return (BigInt(hi) << 32n) | BigInt(this.nextUint32());
  }

  /** Uniform float32 in [0, 1): one element of torch.rand. */
  random(): number {
    return (this.nextUint32() & 0xffffff) * F24;
  }

  /** One element of `torch.empty(1).uniform_(from, to)` (float32). */
  uniform(from: number, to: number): number {
    const lo = fround(from);
    return fround(this.random() * fround(fround(to) - lo) + lo);
  }

  /** Uniform float64 in [0, 1) (uniform_real_distribution<double>). */
  random_double(): number {
    const hi = this.nextUint32() & 0x1fffff;
    return (hi * 4294967296 + this.nextUint32()) * F53;
  }

  /** normal_distribution<double>(0, 1): Box-Muller on two double uniforms, the second value kept for the next call. */
  normal(): number {
    const cached = this.nextNormal;
    if (cached !== null) {
      this.nextNormal = null;
      return cached;
    }
    const u1 = this.random_double();
    const u2 = this.random_double();
    const r = sqrt(-2 * log(1 - u2));
    const theta = TWO_PI * u1;
    this.nextNormal = r * sin(theta);
    return r * cos(theta);
  }

  /** bernoulli_distribution<double>(p): 1 when a double uniform falls below p. */
  bernoulli(p: number): number {
    return this.random_double() < p ? 1 : 0;
  }

  /** geometric_distribution<double>(p): the number of Bernoulli trials up to the first success, ceil(log(u) / log1p(-p)). */
  geometric(p: number): number {
    return Math.ceil(log(this.random_double()) / Math.log1p(-p));
  }

  /** cauchy_distribution<double>(median, sigma): median + sigma * tan(pi * (u - 1/2)). */
  cauchy(median: number, sigma: number): number {
    return median + sigma * Math.tan(Math.PI * (this.random_double() - 0.5));
  }

  /** exponential_distribution<double>(lambd). */
  exponential(lambd: number): number {
    return (-1 / lambd) * log(1 - this.random_double());
  }

  /**
   * Fills `out` as torch.empty(n).uniform_(from, to) does: float uniforms scaled in float32 with a
   * fused multiply-add (the product of two 24-bit values is exact in float64, so one rounding).
   */
  fill_uniform(out: Float32Array, from = 0, to = 1, double = false): Float32Array {
    if (double) return this.fill_uniform_double(out, from, to);
    const lo = fround(from);
    const span = fround(fround(to) - lo);
    const mt = this.mt;
    const n = out.length;
    let mti = this.mti;
    // Runs of up to 624 draws between refills, so the inner loop has no refill test.
    for (let i = 0; i < n; ) {
      if (mti >= N) {
        this.twist();
        mti = 0;
      }
      const end = Math.min(n, i + N - mti);
      for (; i < end; i++) {
        let y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & TEMPER_B;
        y ^= (y << 15) & TEMPER_C;
        y ^= y >>> 18;
        out[i] = (y & 0xffffff) * F24 * span + lo;
      }
    }
    this.mti = mti;
    return out;
  }

  /**
   * The draws of a float64 tensor's uniform_ (`double`): uniform_real_distribution<double>, a 53-bit
   * draw per element scaled in double, each value then rounded to torchlab's float32 storage.
   */
  private fill_uniform_double(out: Float32Array, from: number, to: number): Float32Array {
    const span = to - from;
    for (let i = 0; i < out.length; i++) out[i] = this.random_double() * span + from;
    return out;
  }

  /**
   * Fills `out` as torch.empty(n).normal_(mean, std) does on a contiguous float32 tensor, or with
   * `double` on a float64 one: normal_fill<double>, Box-Muller in double on 53-bit uniforms, the values
   * rounded to float32 storage; either way the generator advances exactly as PyTorch's.
   */
  fill_normal(out: Float32Array, mean = 0, std = 1, double = false): Float32Array {
    const n = out.length;
    if (double && n >= 16) {
      const d = new Float64Array(n);
      for (let i = 0; i < n; i++) d[i] = this.random_double();
      for (let i = 0; i + 16 <= n; i += 16) boxMuller16Double(d, i, mean, std);
      if (n % 16 !== 0) {
        for (let i = n - 16; i < n; i++) d[i] = this.random_double();
        boxMuller16Double(d, n - 16, mean, std);
      }
      out.set(d);
      return out;
    }
    if (n < 16) {
      for (let i = 0; i < n; i++) out[i] = this.normal() * std + mean;
      return out;
    }
    const mu = fround(mean);
    const sd = fround(std);
    this.fill_uniform(out);
    // In the wasm backend's heap, four lanes at a time (backend/simd_normal.ts), the same bits.
    if (!simdBoxMuller(out, Math.floor(n / 16), mu, sd)) for (let i = 0; i + 16 <= n; i += 16) boxMuller16(out, i, mu, sd);
    if (n % 16 !== 0) {
      this.fill_uniform(out.subarray(n - 16));
      boxMuller16(out, n - 16, mu, sd);
    }
    return out;
  }

  /** One uniform integer in [low, high), as torch.randint draws it. */
  randint(low: number, high: number): number {
    const range = high - low;
    if (!(range > 0)) throw new ValueError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
    if (range < 4294967296) return (this.nextUint32() % range) + low;
    return Number(this.random64() % BigInt(range)) + low;
  }

  /** Fills `out` with uniform integers in [low, high) (torch.randint). */
  fill_randint<T extends Int32Array | Float32Array>(out: T, low: number, high: number): T {
    const range = high - low;
    if (!(range > 0)) throw new ValueError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
    if (range >= 4294967296) {
      for (let i = 0; i < out.length; i++) out[i] = this.randint(low, high);
      return out;
    }
    for (let i = 0; i < out.length; i++) out[i] = (this.nextUint32() % range) + low;
    return out;
  }

  /** A random permutation of 0..n-1, as torch.randperm draws it on the CPU. */
  randperm(n: number): number[] {
    const p = new Array<number>(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = 0; i < n - 1; i++) {
      const z = this.nextUint32() % (n - i);
      const t = p[i];
      p[i] = p[z + i];
      p[z + i] = t;
    }
    return p;
  }
}

// PyTorch's float32 normal fill runs AVX2 code (avx_mathfun's log256_ps and sincos256_ps, Cephes'
// float polynomials). These are the same polynomials, rounded to float32 after each operation and
// fused where GCC fused PyTorch's build into FMAs (a*b+c in float64 is exact here: both factors carry
// 24 bits), so the values are PyTorch's bit for bit (checked on 10^6 draws).
const [LP0, LP1, LP2, LP3, LP4, LP5, LP6, LP7, LP8] = C.LOG_P;
const { LOG_Q1, LOG_Q2, SQRTHF, FOPI } = C;
const [DP1, DP2, DP3] = C.DP;
const [SIN_P0, SIN_P1, SIN_P2] = C.SIN_P;
const [COS_P0, COS_P1, COS_P2] = C.COS_P;
// 2^-b for the bit length b of a 24-bit integer: splits u = N * 2^-24 into mantissa and exponent.
const INV_POW2 = Float64Array.from({ length: 26 }, (_, b) => 2 ** -b);

/**
 * log256_ps for u in (0, 1] on the 24-bit grid (1 minus a float uniform). The mantissa in [0.5, 1)
 * and the exponent come from u's integer numerator, which is what the float's bits hold.
 */
function logf(u: number): number {
  const num = u * 16777216;
  const b = 32 - Math.clz32(num);
  let m = num * INV_POW2[b];
  let e = b - 24;
  if (m < SQRTHF) {
    e -= 1;
    m = fround(fround(m - 1) + m);
  } else m = fround(m - 1);
  const z = fround(m * m);
  let y = fround(LP0 * m + LP1);
  y = fround(y * m + LP2);
  y = fround(y * m + LP3);
  y = fround(y * m + LP4);
  y = fround(y * m + LP5);
  y = fround(y * m + LP6);
  y = fround(y * m + LP7);
  y = fround(y * m + LP8);
  y = fround(y * m);
  y = fround(y * z + fround(e * LOG_Q1));
  y = fround(y - z * 0.5);
  return fround(e * LOG_Q2 + fround(m + y));
}

/** normal_fill_16<double>: Box-Muller on 16 double uniforms, the first 8 the radius, the last 8 the angle. */
function boxMuller16Double(d: Float64Array, o: number, mean: number, std: number): void {
  for (let k = o; k < o + 8; k++) {
    const radius = sqrt(-2 * log(1 - d[k]));
    const theta = TWO_PI * d[k + 8];
    d[k] = radius * cos(theta) * std + mean;
    d[k + 8] = radius * sin(theta) * std + mean;
  }
}

/**
 * normal_fill_16_AVX2: Box-Muller on 16 float uniforms, the first 8 giving the radius and the last
 * 8 the angle (sincos256_ps of a non-negative angle).
 */
export function boxMuller16(d: Float32Array, o: number, mean: number, std: number): void {
  for (let k = o; k < o + 8; k++) {
    const radius = fround(sqrt(fround(-2 * logf(fround(1 - d[k])))));
    let x = fround(FTWO_PI * d[k + 8]);
    const j = (fround(x * FOPI) + 1) & ~1;
    x = fround(j * DP1 + x);
    x = fround(j * DP2 + x);
    x = fround(j * DP3 + x);
    const z = fround(x * x);
    let c = fround(COS_P0 * z + COS_P1);
    c = fround(c * z + COS_P2);
    c = fround(c * z);
    c = fround(fround(c * z - z * 0.5) + 1);
    let s = fround(SIN_P0 * z + SIN_P1);
    s = fround(s * z + SIN_P2);
    s = fround(s * z);
    s = fround(s * x + x);
    let sn = j & 2 ? c : s;
    let cs = j & 2 ? s : c;
    if (j & 4) sn = -sn;
    if (!((j - 2) & 4)) cs = -cs;
    d[k] = fround(radius * cs) * std + mean;
    d[k + 8] = fround(radius * sn) * std + mean;
  }
}

/** The generator every random function uses unless given another. */
export const default_generator = new Generator();

/** Seeds the default generator: every later random draw is reproducible. */
/** Seeds the default generator; `seed` may be a keyword, as in PyTorch (`manual_seed({seed: 42})`). */
export function manual_seed(seed: number | bigint | { seed: number | bigint }): Generator {
  return default_generator.manual_seed(typeof seed === "object" && seed !== null ? seed.seed : seed);
}

/** Seeds the default generator from a non-deterministic source and returns the seed. */
export function seed(): number {
  return default_generator.seed();
}

export function initial_seed(): number {
  return default_generator.initial_seed();
}

/** The default generator's state (see Generator.get_state for the format). */
export function get_rng_state(): Tensor {
  return default_generator.get_state();
}

/** Restores the default generator's state from get_rng_state(). */
export function set_rng_state(new_state: Tensor | Int32Array | number[]): void {
  default_generator.set_state(new_state);
}
