/**
 * The Mersenne Twister MT19937, the generator under both Python's `random` (src/random.ts) and NumPy's
 * legacy `np.random` (src/numpy/random.ts). Its seeding routines are the reference implementation's:
 * `init_genrand(s)` (NumPy's `seed(int)`) and `init_by_array(key)` (Python's `seed(int)`, NumPy's
 * `seed(array)`); its outputs are 32-bit words and NumPy's and Python's shared 53-bit double.
 */
const N = 624;
const M = 397;

export class MT19937 {
  /** The 624 words of state. */
  readonly mt = new Uint32Array(N);
  /** The next word's position; N: the state is regenerated before the next word. */
  mti = N;

  static readonly N = N;

  /** `init_genrand(s)`: the state from one 32-bit word. */
  initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) mt[i] = Math.imul(1812433253, mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    this.mti = N;
  }

  /** `init_by_array(key)`: the state from any number of 32-bit words. */
  initByArray(key: ArrayLike<number>): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.mti = N;
  }

  /** The next 32-bit word, as an unsigned number. */
  nextUint32(): number {
    const mt = this.mt;
    if (this.mti >= N) {
      for (let kk = 0; kk < N; kk++) {
        const y = (mt[kk] & 0x80000000) | (mt[(kk + 1) % N] & 0x7fffffff);
        mt[kk] = mt[(kk + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.mti = 0;
    }
    let y = mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) from 53 bits of two words (the first word's top 27, the second's top 26). */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}
