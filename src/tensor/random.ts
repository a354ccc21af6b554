/**
 * Seeded pseudo-random numbers. Every random function in torchlab (rand, randn, init, dropout,
 * DataLoader shuffling, augmentation) draws from a Generator, by default `torch.default_generator`,
 * so `torch.manual_seed(n)` makes a notebook reproducible run to run. The stream is xoshiro128**
 * (seeded through splitmix32); it does not reproduce PyTorch's mt19937 numbers. Normals come from
 * Marsaglia and Tsang's ziggurat (128 layers), which needs one 32-bit draw and no transcendental for
 * 98.8% of values: Box-Muller's log, sin and cos made building a vgg16 (138M values) take seconds.
 */
import { ValueError } from "../errors";

// Module-level aliases: under jest, code runs in a vm context whose global lookups (`Math`) go
// through an interceptor on every call, which made drawing normals ~20x slower there than in node.
const { imul, sqrt, log, exp, floor, fround } = Math;

// Ziggurat tables (Marsaglia & Tsang 2000, "The Ziggurat Method for Generating Random Variables",
// rnor with 128 layers), scaled to a 24-bit magnitude: a 32-bit draw x gives layer x & 127, sign
// bit 7 and magnitude x >>> 8, so the three never share bits.
const ZIG_R = 3.442619855899; // right edge of the base layer; beyond it lies the tail
const ZIG_V = 9.91256303526217e-3; // area of each layer
const ZIG_M = 16777216;
const KN = new Uint32Array(128); // accept without a test when magnitude < KN[layer]
const WN = new Float64Array(128); // magnitude -> x
const FN = new Float64Array(128); // exp(-x^2 / 2) at each layer's edge
{
  const q = ZIG_V / exp(-0.5 * ZIG_R * ZIG_R);
  KN[0] = floor((ZIG_R / q) * ZIG_M);
  KN[1] = 0;
  WN[0] = q / ZIG_M;
  WN[127] = ZIG_R / ZIG_M;
  FN[0] = 1;
  FN[127] = exp(-0.5 * ZIG_R * ZIG_R);
  let dn = ZIG_R;
  let tn = dn;
  for (let i = 126; i >= 1; i--) {
    dn = sqrt(-2 * log(ZIG_V / dn + exp(-0.5 * dn * dn)));
    KN[i + 1] = floor((dn / tn) * ZIG_M);
    tn = dn;
    FN[i] = exp(-0.5 * dn * dn);
    WN[i] = dn / ZIG_M;
  }
}

/**
 * The ziggurat's slow path for the 32-bit draw x that missed its layer's inner rectangle: a value
 * from the tail (layer 0) or the wedge test, drawing more from g; NaN when rejected (start over).
 */
function zigguratSlow(x: number, g: Generator): number {
  const layer = x & 127;
  const sign = x & 128 ? -1 : 1;
  if (layer === 0) {
    let a: number;
    let b: number;
    do {
      a = -log(g.random_open()) / ZIG_R;
      b = -log(g.random_open());
    } while (b + b < a * a);
    return sign * (ZIG_R + a);
  }
  const z = (x >>> 8) * WN[layer];
  return FN[layer] + g.random() * (FN[layer - 1] - FN[layer]) < exp(-0.5 * z * z) ? sign * z : NaN;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Generator {
  private s = new Uint32Array(4);
  private seed_ = 0;

  constructor(seed = 67280421310721) {
    this.manual_seed(seed);
  }

  /** Re-seeds this generator; returns it, as PyTorch does. */
  manual_seed(seed: number | bigint): this {
    const n = typeof seed === "bigint" ? Number(seed & 0xffffffffffffn) : seed;
    if (!Number.isFinite(n)) throw new ValueError(`manual_seed expected a finite integer seed, got ${String(seed)}`);
    this.seed_ = Math.trunc(n);
    const lo = this.seed_ % 0x100000000;
    const hi = Math.floor(this.seed_ / 0x100000000);
    const mix = splitmix32((lo ^ imul(hi, 0x27d4eb2d)) >>> 0);
    for (let i = 0; i < 4; i++) this.s[i] = mix();
    return this;
  }

  initial_seed(): number {
    return this.seed_;
  }

  /** A snapshot of the state, restorable with set_state. */
  get_state(): number[] {
    return [...this.s];
  }

  set_state(state: number[]): this {
    if (!Array.isArray(state) || state.length !== 4) throw new ValueError("Generator.set_state expects the array get_state() returned");
    for (let i = 0; i < 4; i++) this.s[i] = state[i] >>> 0;
    return this;
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const result = imul(rotl(imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Uniform in [0, 1) with 24 bits of precision, the float32 mantissa. */
  random(): number {
    return (this.nextUint32() >>> 8) / 16777216;
  }

  /** Uniform in (0, 1): the 24-bit grid shifted by half a step, so that log() of it is finite. */
  random_open(): number {
    return ((this.nextUint32() >>> 8) + 0.5) / 16777216;
  }

  /** Standard normal (ziggurat). */
  normal(): number {
    for (;;) {
      const x = this.nextUint32();
      const m = x >>> 8;
      const layer = x & 127;
      if (m < KN[layer]) return x & 128 ? -m * WN[layer] : m * WN[layer];
      const z = zigguratSlow(x, this);
      if (z === z) return z;
    }
  }

  /**
   * Fills `out` with `from + (to - from) * U`, U the same draws as `out.length` calls of random(),
   * rounded as float32 arithmetic would (what `rand(n).mul(to - from).add(from)` gave). Bulk filling
   * keeps the state in locals: building a vgg16 draws 138M values, which one call per value made slow.
   */
  fill_uniform(out: Float32Array, from = 0, to = 1): Float32Array {
    const st = this.s;
    let s0 = st[0] | 0, s1 = st[1] | 0, s2 = st[2] | 0, s3 = st[3] | 0;
    const span = fround(to - from);
    const lo = fround(from);
    for (let i = 0; i < out.length; i++) {
      let r = imul(s1, 5);
      r = imul((r << 7) | (r >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      out[i] = fround((r >>> 8) / 16777216 * span) + lo;
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
    return out;
  }

  /**
   * Fills `out` with `mean + std * Z`, Z the same standard normals as `out.length` calls of normal(),
   * rounded as float32 arithmetic would (what `randn(n).mul(std).add(mean)` gives).
   */
  fill_normal(out: Float32Array, mean = 0, std = 1): Float32Array {
    const sd = fround(std);
    const mu = fround(mean);
    const st = this.s;
    let s0 = st[0] | 0, s1 = st[1] | 0, s2 = st[2] | 0, s3 = st[3] | 0;
    // The xoshiro step is written out (not a call) so that the state stays in registers; the rare
    // slow path hands the state back to the generator and picks it up again.
    for (let i = 0; i < out.length; ) {
      let r = imul(s1, 5);
      r = imul((r << 7) | (r >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const m = r >>> 8;
      const layer = r & 127;
      let z: number;
      if (m < KN[layer]) z = r & 128 ? -m * WN[layer] : m * WN[layer];
      else {
        st[0] = s0;
        st[1] = s1;
        st[2] = s2;
        st[3] = s3;
        z = zigguratSlow(r >>> 0, this);
        s0 = st[0] | 0;
        s1 = st[1] | 0;
        s2 = st[2] | 0;
        s3 = st[3] | 0;
        if (z !== z) continue;
      }
      out[i++] = fround(fround(z) * sd) + mu;
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
    return out;
  }

  /** A uniform integer in [low, high). */
  randint(low: number, high: number): number {
    const span = high - low;
    if (span <= 0) throw new ValueError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
    if (span <= 0x100000000) {
      // Rejection sampling keeps the distribution exactly uniform.
      const limit = floor(0x100000000 / span) * span;
      let x = this.nextUint32();
      while (x >= limit) x = this.nextUint32();
      return low + (x % span);
    }
    return low + floor(this.random() * span);
  }

  /** A random permutation of 0..n-1 (Fisher-Yates). */
  randperm(n: number): number[] {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.randint(0, i + 1);
      [p[i], p[j]] = [p[j], p[i]];
    }
    return p;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** The generator every random function uses unless given another. */
export const default_generator = new Generator();

/** Seeds the default generator: every later random draw is reproducible. */
export function manual_seed(seed: number | bigint): Generator {
  return default_generator.manual_seed(seed);
}

/** Seeds the default generator from the clock and returns the seed. */
export function seed(): number {
  const s = (Date.now() * 1000 + Math.floor(Math.random() * 1000)) % Number.MAX_SAFE_INTEGER;
  default_generator.manual_seed(s);
  return s;
}

export function initial_seed(): number {
  return default_generator.initial_seed();
}
