/**
 * TorchlabChannelMoments (src/backend/js_kernels.ts), batch norm's per-channel mean and biased
 * variance in one shifted pass, on the wasm and cpu backends against the two-pass definition computed
 * here in double: inputs whose first value per channel is typical, an outlier (the kernel's fallback to
 * two passes), a large common offset (cancellation), a constant channel, and channels holding inf or
 * NaN, for which the result is what summing the values gives (inf, or NaN), as in PyTorch.
 */
import { tf } from "../../src/backend/tf";
import { registerJsKernels } from "../../src/backend/js_kernels";
import { torch } from "../../src";
import { prng, values } from "../prng";

/** [mean..., var...] per channel of an [N, C, ...inner] buffer, two passes in double. */
function reference(xs: Float32Array, shape: number[]): Float64Array {
  const [n, c] = shape;
  const inner = shape.slice(2).reduce((a, v) => a * v, 1);
  const out = new Float64Array(2 * c);
  for (let ch = 0; ch < c; ch++) {
    let s = 0;
    for (let b = 0; b < n; b++) for (let i = 0; i < inner; i++) s += xs[(b * c + ch) * inner + i];
    const mean = s / (n * inner);
    let q = 0;
    for (let b = 0; b < n; b++) for (let i = 0; i < inner; i++) q += (xs[(b * c + ch) * inner + i] - mean) ** 2;
    out[ch] = mean;
    out[c + ch] = q / (n * inner);
  }
  return out;
}

function moments(xs: Float32Array, shape: number[]): Float32Array {
  return tf.tidy(() => (tf.engine().runKernel("TorchlabChannelMoments", { x: tf.tensor(xs, shape) }) as tf.Tensor).dataSync() as Float32Array);
}

/** Relative difference, with NaN matching NaN and infinities matching exactly. */
function expectClose(got: Float32Array, want: Float64Array, tol: number): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (!Number.isFinite(want[i])) {
      expect(got[i]).toBe(want[i]);
      continue;
    }
    const err = Math.abs(got[i] - want[i]) / Math.max(1e-30, Math.abs(want[i]));
    if (!(err <= tol)) throw new Error(`element ${i}: got ${got[i]}, want ${want[i]} (relative error ${err})`);
  }
}

const cases: { name: string; shape: number[]; make: (size: number) => Float32Array; tol: number }[] = [
  { name: "typical values", shape: [4, 3, 5, 6], make: (n) => values(prng(1), n), tol: 1e-6 },
  { name: "rank 2 (one value per sample and channel)", shape: [9, 4], make: (n) => values(prng(2), n), tol: 1e-6 },
  { name: "offset 1e4 (cancellation)", shape: [3, 2, 4, 4], make: (n) => values(prng(3), n, 1e4), tol: 1e-6 },
  {
    name: "each channel's first value an outlier (two-pass fallback)",
    shape: [4, 2, 32, 32],
    make: (n) => {
      const v = values(prng(4), n, 0.5);
      v[0] = 3e6;
      v[1024] = -7e5;
      return v;
    },
    tol: 1e-6,
  },
  { name: "a constant channel", shape: [2, 2, 3, 3], make: (n) => Float32Array.from({ length: n }, (_, i) => (Math.floor(i / 9) % 2 === 0 ? 0.1 : i / 7)), tol: 1e-6 },
  {
    name: "inf, -inf and NaN in channels",
    shape: [2, 4, 2, 2],
    make: (n) => {
      const v = values(prng(6), n);
      v[1] = Infinity; // channel 0: mean inf, var NaN
      v[4] = -Infinity; // channel 1's first value: mean -inf (not a NaN from shifting by -inf)
      v[8 + 16] = NaN; // channel 2 of sample 1: NaN
      v[12] = Infinity;
      v[12 + 16] = -Infinity; // channel 3: inf - inf
      return v;
    },
    tol: 1e-6,
  },
];

// wasm is registered unless the run is pinned to the cpu backend (npm test's posttest).
const BACKENDS = process.env.TORCHLAB_BACKEND === "cpu" ? ["cpu"] : ["wasm", "cpu"];

describe.each(BACKENDS)("TorchlabChannelMoments on %s", (backend) => {
  let saved = "";
  beforeAll(async () => {
    await torch.ready();
    registerJsKernels();
    saved = tf.getBackend();
    await tf.setBackend(backend);
  });
  afterAll(async () => {
    await tf.setBackend(saved);
  });
  for (const { name, shape, make, tol } of cases) {
    test(`${name}: x=${JSON.stringify(shape)}`, () => {
      const xs = make(shape.reduce((a, v) => a * v, 1));
      expectClose(moments(xs, shape), reference(xs, shape), tol);
    });
  }
});
