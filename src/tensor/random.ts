/**
 * Seeded pseudo-random numbers. Every random function in torchlab (rand, randn, init, dropout,
 * DataLoader shuffling, augmentation) draws from a Generator, by default `torch.default_generator`,
 * so `torch.manual_seed(n)` makes a notebook reproducible run to run. The stream is xoshiro128**
 * (seeded through splitmix32); it does not reproduce PyTorch's mt19937 numbers.
 */
import { ValueError } from "../errors";

// Module-level aliases: under jest, code runs in a vm context whose global lookups (`Math`) go
// through an interceptor on every call, which made drawing normals ~20x slower there than in node.
const { imul, sqrt, log, sin, cos, floor, PI } = Math;

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
  private spare: number | null = null;

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
    this.spare = null;
    return this;
  }

  initial_seed(): number {
    return this.seed_;
  }

  /** A snapshot of the state, restorable with set_state. */
  get_state(): number[] {
    return [...this.s, this.spare ?? NaN];
  }

  set_state(state: number[]): this {
    if (!Array.isArray(state) || state.length !== 5) throw new ValueError("Generator.set_state expects the array get_state() returned");
    for (let i = 0; i < 4; i++) this.s[i] = state[i] >>> 0;
    this.spare = Number.isNaN(state[4]) ? null : state[4];
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

  /** Standard normal (Box-Muller, both values used). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.random();
    const v = this.random();
    const r = sqrt(-2 * log(u));
    this.spare = r * sin(2 * PI * v);
    return r * cos(2 * PI * v);
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
