/**
 * TorchlabChannelSum (src/backend/js_kernels.ts), a convolution's bias gradient: each channel's sum
 * over every dim but 1, on the wasm and cpu backends, against the sum in double computed here (and,
 * to within float32 rounding, the cpu backend's own tf.sum over the same axes); also the op that uses
 * it, conv2d's bias gradient, against the same reduction.
 */
import { tf } from "../../src/backend/tf";
import { registerJsKernels } from "../../src/backend/js_kernels";
import { torch } from "../../src";
import { prng, values } from "../prng";

function reference(xs: Float32Array, shape: number[]): Float64Array {
  const [n, c] = shape;
  const inner = shape.slice(2).reduce((a, v) => a * v, 1);
  const out = new Float64Array(c);
  for (let ch = 0; ch < c; ch++) for (let b = 0; b < n; b++) for (let i = 0; i < inner; i++) out[ch] += xs[(b * c + ch) * inner + i];
  return out;
}

const cases: { name: string; shape: number[]; special?: (v: Float32Array) => void }[] = [
  { name: "NCHW with a ragged inner size", shape: [3, 5, 3, 7] },
  { name: "rank 2", shape: [6, 4] },
  { name: "rank 3", shape: [2, 3, 9] },
  { name: "empty batch", shape: [0, 3, 2, 2] },
  {
    name: "inf and NaN",
    shape: [2, 3, 2, 2],
    special: (v) => {
      v[0] = Infinity; // channel 0: inf
      v[4] = NaN; // channel 1: NaN
      v[8] = Infinity;
      v[20] = -Infinity; // channel 2: inf - inf = NaN
    },
  },
];

const BACKENDS = process.env.TORCHLAB_BACKEND === "cpu" ? ["cpu"] : ["wasm", "cpu"];

describe.each(BACKENDS)("TorchlabChannelSum on %s", (backend) => {
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
  for (const { name, shape, special } of cases) {
    test(`${name}: x=${JSON.stringify(shape)}`, () => {
      const xs = values(prng(shape.length * 7 + shape[1]), shape.reduce((a, v) => a * v, 1), 0.25);
      special?.(xs);
      const got = tf.tidy(() => (tf.engine().runKernel("TorchlabChannelSum", { x: tf.tensor(xs, shape) }) as tf.Tensor).dataSync());
      const want = reference(xs, shape);
      expect(got.length).toBe(shape[1]);
      want.forEach((w, i) => {
        if (!Number.isFinite(w)) expect(got[i]).toBe(w);
        else expect(got[i]).toBe(Math.fround(w));
      });
    });
  }

  test("conv2d's bias gradient equals the cpu backend's tf.sum over [0, 2, 3]", () => {
    const x = torch.tensor(Array.from(values(prng(11), 2 * 3 * 6 * 5)), { dtype: torch.float32 }).reshape(2, 3, 6, 5);
    const conv = new torch.nn.Conv2d(3, 4, 3);
    const g = torch.tensor(Array.from(values(prng(12), 2 * 4 * 4 * 3)), { dtype: torch.float32 }).reshape(2, 4, 4, 3);
    conv(x).backward(g);
    const want = tf.tidy(() => tf.sum(tf.tensor(g.tolist() as number[][][][]), [0, 2, 3]).arraySync() as number[]);
    const got = conv.bias!.grad!.tolist() as number[];
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
  });
});
