/**
 * The order of PyTorch 1.13's CPU `torch.unique(x, {sorted: false})`: aten's Unique.cpp inserts the
 * values one by one into a libstdc++ `std::unordered_set` and copies it from begin() to end(). That
 * container's iteration order is reproduced here: one singly linked list threaded through prime-count
 * buckets (_Prime_rehash_policy: 13 buckets at the first insertion, then the next prime at least
 * twice the count once the elements outnumber the buckets); a new node goes to the front of its
 * bucket, or of the whole list when its bucket is empty; a rehash relinks the nodes in list order.
 * std::hash is the value itself for integers (as a 64-bit unsigned) and, for a float, libstdc++'s
 * 64-bit Murmur `_Hash_bytes` over its 4 bytes (0 for +-0). Checked against PyTorch on random int64
 * and float32 inputs (test/reference/gen_unique_unsorted.py).
 */

/** libstdc++'s __prime_list (hashtable-aux.cc) from 17, where _M_next_bkt starts looking. */
const PRIMES = [
  17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 103, 109, 113, 127, 137,
  139, 149, 157, 167, 179, 193, 199, 211, 227, 241, 257, 277, 293, 313, 337, 359, 383, 409, 439, 467,
  503, 541, 577, 619, 661, 709, 761, 823, 887, 953, 1031, 1109, 1193, 1289, 1381, 1493, 1613, 1741, 1879,
  2029, 2179, 2357, 2549, 2753, 2971, 3209, 3469, 3739, 4027, 4349, 4703, 5087, 5503, 5953, 6427, 6949,
  7517, 8123, 8783, 9497, 10273, 11113, 12011, 12983, 14033, 15173, 16411, 17749, 19183, 20753, 22447,
  24281, 26267, 28411, 30727, 33223, 35933, 38873, 42043, 45481, 49201, 53201, 57557, 62233, 67307,
  72817, 78779, 85229, 92203, 99733, 107897, 116731, 126271, 136607, 147793, 159871, 172933, 187091,
  202409, 218971, 236897, 256279, 277261, 299951, 324503, 351061, 379787, 410857, 444487, 480881, 520241,
  562841, 608903, 658753, 712697, 771049, 834181, 902483, 976369, 1056323, 1142821, 1236397, 1337629,
  1447153, 1565659, 1693859, 1832561, 1982627, 2144977, 2320627, 2510653, 2716249, 2938679, 3179303,
  3439651, 3721303, 4026031, 4355707, 4712381, 5098259, 5515729, 5967347, 6456007, 6984629, 7556579,
  8175383, 8844859, 9569143, 10352717, 11200489, 12117689, 13109983, 14183539, 15345007, 16601593,
  17961079, 19431899, 21023161, 22744717, 24607243, 26622317, 28802401, 31160981, 33712729, 36473443,
  39460231, 42691603, 46187573, 49969847, 54061849, 58488943, 63278561, 68460391, 74066549, 80131819,
  86693767, 93793069, 101473717, 109783337, 118773397, 128499677, 139022417, 150406843, 162723577,
  176048909, 190465427, 206062531, 222936881, 241193053, 260944219, 282312799, 305431229, 330442829,
  357502601, 386778277, 418451333, 452718089, 489790921, 529899637, 573292817, 620239453, 671030513,
  725980837, 785430967, 849749479, 919334987, 994618837, 1076067617, 1164186217, 1259520799, 1362662261,
  1474249943, 1594975441, 1725587117, 1866894511, 2019773507, 2185171673, 2364114217, 2557710269,
  2767159799, 2992831231, 3237320591, 3502478573, 3789413117, 4099524869, 4435504301,
];
/** _M_next_bkt's table below 14. */
const FAST = [2, 2, 2, 3, 5, 5, 7, 7, 11, 11, 11, 11, 13, 13];

const M64 = (1n << 64n) - 1n;
const MUL = 0xc6a4a7935bd1e995n;
const SEED = 0xc70f6907n;
const shiftMix = (v: bigint): bigint => v ^ (v >> 47n);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** std::hash<float>: _Hash_bytes(&v, 4, 0xc70f6907), or 0 for +-0. */
function hashFloat(v: number): bigint {
  if (v === 0) return 0n;
  f32[0] = v;
  let h = SEED ^ ((4n * MUL) & M64);
  h ^= BigInt(u32[0]);
  h = (h * MUL) & M64;
  h = (shiftMix(h) * MUL) & M64;
  return shiftMix(h);
}

/**
 * The index in `vals` of the first occurrence of each distinct value, in the order PyTorch's
 * unordered_set gives them. Values compare with ===: -0 and 0 are one value (the first kept), and
 * each NaN is a value of its own, as in C++.
 */
export function unorderedSetOrder(vals: ArrayLike<number>, float: boolean): number[] {
  const n = vals.length;
  const hashes: bigint[] | null = float ? [] : null;
  let nb = 1;
  // 2**64 mod nb: a negative integer hashes as its 64-bit unsigned value.
  let wrap = 0;
  const bucketOf = (i: number): number => {
    if (hashes !== null) return Number(hashes[i] % BigInt(nb));
    const v = vals[i];
    return v >= 0 ? v % nb : ((((v % nb) + wrap) % nb) + nb) % nb;
  };
  let nextResize = 0;
  const nextBucketCount = (want: number): number => {
    let count: number;
    if (want < FAST.length) count = FAST[want];
    else {
      let lo = 0;
      let hi = PRIMES.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (PRIMES[mid] < want) lo = mid + 1;
        else hi = mid;
      }
      count = PRIMES[lo];
    }
    nextResize = count;
    return count;
  };
  // The list: `next` of each stored node (-1 ends it) from `head`; a bucket holds the node before its
  // first node (BEFORE_BEGIN when that is the list's head) or EMPTY.
  const EMPTY = -2;
  const BEFORE_BEGIN = -1;
  const next = new Int32Array(n).fill(-1);
  let head = -1;
  let buckets = new Int32Array(1).fill(EMPTY);
  const after = (node: number): number => (node === BEFORE_BEGIN ? head : next[node]);
  const link = (node: number, to: number): void => {
    if (node === BEFORE_BEGIN) head = to;
    else next[node] = to;
  };
  const rehash = (count: number): void => {
    nb = count;
    wrap = Number((1n << 64n) % BigInt(nb));
    const fresh = new Int32Array(nb).fill(EMPTY);
    let p = head;
    head = -1;
    let headBucket = 0;
    while (p !== -1) {
      const q = next[p];
      const b = bucketOf(p);
      if (fresh[b] === EMPTY) {
        next[p] = head;
        head = p;
        fresh[b] = BEFORE_BEGIN;
        if (next[p] !== -1) fresh[headBucket] = p;
        headBucket = b;
      } else {
        next[p] = after(fresh[b]);
        link(fresh[b], p);
      }
      p = q;
    }
    buckets = fresh;
  };
  let size = 0;
  for (let i = 0; i < n; i++) {
    const v = vals[i];
    if (hashes !== null) hashes.push(hashFloat(v));
    let b = bucketOf(i);
    if (buckets[b] !== EMPTY) {
      let found = false;
      for (let p = after(buckets[b]); p !== -1 && bucketOf(p) === b; p = next[p]) {
        if (vals[p] === v) {
          found = true;
          break;
        }
      }
      if (found) continue;
    }
    // _M_need_rehash(nb, size, 1): the first insertion sizes the table for 11 elements.
    if (size + 1 > nextResize) {
      const minBuckets = Math.max(size + 1, nextResize ? 0 : 11);
      if (minBuckets >= nb) {
        rehash(nextBucketCount(Math.max(minBuckets + 1, nb * 2)));
        b = bucketOf(i);
      } else nextResize = nb;
    }
    if (buckets[b] !== EMPTY) {
      next[i] = after(buckets[b]);
      link(buckets[b], i);
    } else {
      next[i] = head;
      head = i;
      if (next[i] !== -1) buckets[bucketOf(next[i])] = i;
      buckets[b] = BEFORE_BEGIN;
    }
    size++;
  }
  const out: number[] = [];
  for (let p = head; p !== -1; p = next[p]) out.push(p);
  return out;
}
