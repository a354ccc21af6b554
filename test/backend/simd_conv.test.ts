/**
 * The WebAssembly SIMD loops of the wasm NCHW convolutions (src/backend/simd_conv.ts: gemm, rowsDot,
 * gather, scatterAdd) against scalar JavaScript that adds in the order simd_conv.ts documents, bit for
 * bit (a float32 product or sum is Math.fround of the double one). The conv kernels built on them are
 * checked against the cpu backend and PyTorch in test/ops/conv_cpu_kernels.test.ts; this suite pins
 * the loops themselves on shapes the blocked code splits unevenly: row counts that leave a row over
 * (gemm's 2-row blocks, rowsDot's 2 x 4), channel counts that are not multiples of 4, strided taps
 * (no 4-float copies), rows whose length leaves 1-3 floats after the 4-float copies, gemm starting
 * from zero (`fresh`) against adding onto C, and signed zeros and a NaN among the values.
 */
import { tf } from "../../src/backend/tf";
import { torch } from "../../src";
import { simdConv, type SimdConv } from "../../src/backend/simd_conv";
import { prng, values } from "../prng";

const onWasm = process.env.TORCHLAB_BACKEND === "cpu" ? test.skip : test;
const f = Math.fround;

/** Float32 arrays in the wasm heap (allocated together: allocating can grow and detach the heap). */
function heapArrays(...sizes: number[]): Float32Array[] {
  const backend = tf.backend() as unknown as { typedArrayFromHeap(t: tf.Tensor): Float32Array };
  const tensors = sizes.map((n) => tf.zeros([Math.max(n, 1)]));
  return tensors.map((t, i) => backend.typedArrayFromHeap(t).subarray(0, sizes[i]));
}

function firstDiff(got: Float32Array, want: Float32Array): string {
  for (let k = 0; k < want.length; k++) if (!Object.is(got[k], want[k])) return `${k}: ${got[k]} against ${want[k]}`;
  return "same";
}

function sample(seed: number, n: number): Float32Array {
  const v = values(prng(seed), n);
  if (n > 7) [v[1], v[4], v[7]] = [-0, 0, n % 2 === 0 ? NaN : -0];
  return v;
}

let simd: SimdConv;
beforeAll(async () => {
  await torch.ready();
  if (tf.getBackend() === "wasm") simd = simdConv(tf.backend()) as SimdConv;
});

describe("simd_conv.ts's loops against scalar float32 code", () => {
  // [m, k, p, A transposed (A(i, j) = a[j * m + i], as the input gradient reads W)]
  const gemmCases: [number, number, number, boolean][] = [[5, 7, 32, false], [64, 9, 16, true], [1, 3, 48, false], [6, 1, 16, true]];
  for (const [m, k, p, transposed] of gemmCases) {
    for (const fresh of [false, true]) {
      onWasm(`gemm m=${m} k=${k} p=${p}${transposed ? " A^T" : ""}${fresh ? " fresh" : ""}`, () => {
        const [c, a, b] = heapArrays(m * p, m * k, k * p);
        a.set(sample(m * 7 + k, m * k));
        b.set(sample(p * 3 + k, k * p));
        c.set(sample(m + p, m * p));
        const [aM, aK] = transposed ? [1, m] : [k, 1];
        const want = new Float32Array(m * p);
        for (let i = 0; i < m; i++)
          for (let q = 0; q < p; q++) {
            let s = fresh ? 0 : c[i * p + q];
            for (let j = 0; j < k; j++) s = f(s + f(a[i * aM + j * aK] * b[j * p + q]));
            want[i * p + q] = s;
          }
        simd.gemm(c.byteOffset, a.byteOffset, 4 * aM, 4 * aK, b.byteOffset, m, k, p, fresh);
        expect(firstDiff(c, want)).toBe("same");
      });
    }
  }

  const dotCases: [number, number, number][] = [[64, 12, 16], [3, 5, 4], [2, 4, 32], [5, 9, 20], [1, 1, 8]];
  for (const [m, n, l] of dotCases) {
    onWasm(`rowsDot m=${m} n=${n} l=${l}`, () => {
      const [c, a, b] = heapArrays(m * n, m * l, n * l);
      a.set(sample(m * 5 + l, m * l));
      b.set(sample(n * 11 + l, n * l));
      c.set(sample(m * n, m * n));
      const want = new Float32Array(m * n);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++) {
          const s = [0, 0, 0, 0];
          for (let q = 0; q < l; q++) s[q % 4] = f(s[q % 4] + f(a[i * l + q] * b[j * l + q]));
          want[i * n + j] = f(c[i * n + j] + f(f(s[0] + s[1]) + f(s[2] + s[3])));
        }
      simd.rowsDot(c.byteOffset, a.byteOffset, b.byteOffset, m, n, l);
      expect(firstDiff(c, want)).toBe("same");
    });
  }

  // [rows, row length in floats, x step in floats, taps, channels]
  const tapCases: [number, number, number, number, number][] = [[3, 13, 1, 3, 5], [4, 6, 2, 2, 3], [2, 3, 1, 1, 1], [5, 8, 1, 2, 7]];
  for (const [rows, len, step, taps, channels] of tapCases) {
    // x: channels of rows * xRow floats, each tap one float further; cols: channels of taps * rows * len.
    const xRow = len * step + taps + 1, xChannel = rows * xRow + taps, colsRow = len + 2, colsTap = rows * colsRow, colsChannel = taps * colsTap + 3;
    const xAt = (ch: number, t: number, r: number, e: number): number => ch * xChannel + t + r * xRow + e * step;
    const colsAt = (ch: number, t: number, r: number, e: number): number => ch * colsChannel + t * colsTap + r * colsRow + e;
    const call = (run: SimdConv["gather"], x: Float32Array, cols: Float32Array): void => {
      const bytes = 4 * len;
      run(x.byteOffset, cols.byteOffset, rows, 4 * xRow, 4 * colsRow, step === 1 ? bytes & ~15 : 0, bytes, 4 * step, taps, 4, 4 * colsTap, channels, 4 * xChannel, 4 * colsChannel);
    };
    onWasm(`gather and scatterAdd: ${channels} channels, ${taps} taps, ${rows} rows of ${len} floats, x step ${step}`, () => {
      const [x, cols] = heapArrays(channels * xChannel, channels * colsChannel);
      x.set(sample(rows * len + channels, x.length));
      cols.set(sample(taps * 13 + channels, cols.length));
      const gathered = cols.slice(), added = x.slice();
      for (let ch = 0; ch < channels; ch++)
        for (let t = 0; t < taps; t++)
          for (let r = 0; r < rows; r++)
            for (let e = 0; e < len; e++) {
              gathered[colsAt(ch, t, r, e)] = x[xAt(ch, t, r, e)];
              added[xAt(ch, t, r, e)] = f(added[xAt(ch, t, r, e)] + cols[colsAt(ch, t, r, e)]);
            }
      const before = cols.slice();
      call(simd.gather, x, cols);
      expect(firstDiff(cols, gathered)).toBe("same");
      cols.set(before);
      call(simd.scatterAdd, x, cols);
      expect(firstDiff(x, added)).toBe("same");
    });
  }
});
