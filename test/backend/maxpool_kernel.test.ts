/**
 * TorchlabMaxPool2d and TorchlabMaxPool2dGrad (src/backend/js_kernels.ts) on the active backend
 * against the same kernels on tfjs's cpu backend (the scalar JavaScript loops), bit for bit. On wasm
 * MaxPool2d(2) runs four outputs at a time (src/backend/simd_pool.ts) when a row has at least four
 * outputs; the shapes cover odd sizes (a last group that overlaps the one before it, an input row
 * and column past the last window), rows of fewer than four outputs (the scalar loop), ties, NaN of
 * either sign, -inf windows, -0, and other poolings (padding, ceil_mode, overlapping windows),
 * whose indices the SIMD gradient refuses and hands to the scalar scatter. The channels-last twins
 * (TorchlabMaxPool2x2Nhwc and its gradient, src/backend/nhwc_kernels.ts; on wasm four channels at a
 * time, src/backend/simd_nhwc.ts) are run on the same data transposed to NHWC, on both backends, and
 * their results transposed back must equal the NCHW kernels' on the cpu backend bit for bit, and so
 * must its values-only form (attrs valuesOnly, simd_nhwc.ts's maxPool2x2Values).
 */
import { tf } from "../../src/backend/tf";
import { registerJsKernels, type MaxPoolAttrs } from "../../src/backend/js_kernels";
import { torch } from "../../src";
import { prng, values } from "../prng";
import { onCpu } from "../cpu_backend";
import { simdPool } from "../../src/backend/simd_pool";

/** The first element whose bits differ, as text, or "same" (toEqual on large arrays is slow). */
function firstDiff(got: Float32Array | Int32Array, want: Float32Array | Int32Array): string {
  const g = new Uint32Array(got.buffer, got.byteOffset, got.length);
  const w = new Uint32Array(want.buffer, want.byteOffset, want.length);
  if (g.length !== w.length) return `length ${g.length} against ${w.length}`;
  for (let k = 0; k < g.length; k++) if (g[k] !== w[k]) return `${k}: ${g[k].toString(16)} against ${w[k].toString(16)}`;
  return "same";
}

/** Inputs with values drawn from a few levels (ties), NaN of both signs, -inf windows, -0 and +0. */
function input(shape: number[], seed: number): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const r = prng(seed);
  const xs = values(r, size).map((v) => Math.round(v * 2) / 2);
  const bits = new Uint32Array(xs.buffer);
  for (let k = 0; k < size; k++) {
    const u = r();
    if (u < 0.02) bits[k] = 0xffc00000;
    else if (u < 0.04) bits[k] = 0x7fc00000;
    else if (u < 0.1) xs[k] = -Infinity;
    else if (u < 0.15) xs[k] = -0;
  }
  return xs;
}

interface PoolCase {
  shape: [number, number, number, number];
  kernel: [number, number];
  stride: [number, number];
  padding: [number, number];
  ceil: boolean;
}

function attrs(c: PoolCase): MaxPoolAttrs {
  const out = (i: 0 | 1): number => {
    const span = c.shape[2 + i] + 2 * c.padding[i] - c.kernel[i];
    let o = (c.ceil ? Math.ceil(span / c.stride[i]) : Math.floor(span / c.stride[i])) + 1;
    // PyTorch's rule: the last window must start inside the input or its left padding.
    if (c.ceil && (o - 1) * c.stride[i] >= c.shape[2 + i] + c.padding[i]) o--;
    return o;
  };
  return { kernel: c.kernel, stride: c.stride, padding: c.padding, dilation: [1, 1], out: [out(0), out(1)] };
}

function run(xs: Float32Array, dys: (n: number) => Float32Array, c: PoolCase): { v: Float32Array; i: Int32Array; dx: Float32Array } {
  return tf.tidy(() => {
    const a = attrs(c) as unknown as tf.NamedAttrMap;
    const [v, i] = tf.engine().runKernel("TorchlabMaxPool2d", { x: tf.tensor(xs, c.shape) }, a) as tf.Tensor[];
    const dy = tf.tensor(dys(v.size), v.shape);
    const dx = tf.engine().runKernel("TorchlabMaxPool2dGrad", { dy, indices: i }, { inputHW: [c.shape[2], c.shape[3]] }) as tf.Tensor;
    return { v: v.dataSync() as Float32Array, i: i.dataSync() as Int32Array, dx: dx.dataSync() as Float32Array };
  });
}

/** The NHWC kernels on `xs` (NCHW values, as NHWC) and `dys` (NCHW order); results back in NCHW order. */
function runNhwc(xs: Float32Array, dys: (n: number) => Float32Array, c: PoolCase, indices?: (n: number) => Int32Array): { v: Float32Array; i: Int32Array; dx: Float32Array } {
  return tf.tidy(() => {
    const toNhwc = (t: tf.Tensor): tf.Tensor => tf.transpose(t, [0, 2, 3, 1]);
    const toNchw = (t: tf.Tensor): tf.Tensor => tf.transpose(t, [0, 3, 1, 2]);
    const [v, i] = tf.engine().runKernel("TorchlabMaxPool2x2Nhwc", { x: toNhwc(tf.tensor(xs, c.shape)) }) as tf.Tensor[];
    const nchw = [v.shape[0], v.shape[3], v.shape[1], v.shape[2]];
    const dy = toNhwc(tf.tensor(dys(v.size), nchw));
    const idx = indices === undefined ? i : toNhwc(tf.tensor(indices(v.size), nchw, "int32"));
    const dx = tf.engine().runKernel("TorchlabMaxPool2x2NhwcGrad", { dy, indices: idx }, { inputHW: [c.shape[2], c.shape[3]] }) as tf.Tensor;
    return { v: toNchw(v).dataSync() as Float32Array, i: toNchw(i).dataSync() as Int32Array, dx: toNchw(dx).dataSync() as Float32Array };
  });
}

/** The NCHW gradient kernel with the given indices. */
function gradWith(dys: Float32Array, indices: Int32Array, c: PoolCase, out: number[]): Float32Array {
  return tf.tidy(() => {
    const dy = tf.tensor(dys, out);
    const dx = tf.engine().runKernel("TorchlabMaxPool2dGrad", { dy, indices: tf.tensor(indices, out, "int32") }, { inputHW: [c.shape[2], c.shape[3]] }) as tf.Tensor;
    return dx.dataSync() as Float32Array;
  });
}

const two = { kernel: [2, 2], stride: [2, 2], padding: [0, 0], ceil: false } as const;
const cases: PoolCase[] = [
  { shape: [4, 32, 26, 26], ...two },
  { shape: [2, 3, 9, 11], ...two },
  { shape: [1, 2, 16, 8], ...two },
  { shape: [3, 1, 7, 7], ...two },
  { shape: [2, 2, 5, 6], ...two },
  { shape: [1, 1, 2, 2], ...two },
  { shape: [2, 3, 9, 11], kernel: [2, 2], stride: [2, 2], padding: [0, 0], ceil: true },
  { shape: [2, 3, 10, 12], kernel: [2, 2], stride: [2, 2], padding: [1, 1], ceil: false },
  { shape: [2, 3, 11, 13], kernel: [3, 3], stride: [2, 2], padding: [1, 1], ceil: true },
  { shape: [1, 2, 12, 12], kernel: [2, 2], stride: [1, 1], padding: [0, 0], ceil: false },
];

describe("TorchlabMaxPool2d and its gradient against the cpu backend's", () => {
  beforeAll(async () => {
    await torch.ready();
    registerJsKernels();
  });

  test("on wasm the SIMD pooling loops are built on the backend's memory", () => {
    if (tf.getBackend() !== "wasm") return;
    expect(simdPool(tf.backend())).not.toBeNull();
  });

  cases.forEach((c, k) => {
    test(`x=${JSON.stringify(c.shape)} kernel=${c.kernel} stride=${c.stride} padding=${c.padding} ceil_mode=${c.ceil}: values, indices and grad bit for bit`, async () => {
      const xs = input(c.shape, 4100 + k);
      const dys = (n: number): Float32Array => {
        const d = values(prng(4200 + k), n);
        // -0 gradients: the scatter's 0 + -0 is +0.
        for (let j = 0; j < n; j += 7) d[j] = -0;
        return d;
      };
      const got = run(xs, dys, c);
      const want = await onCpu(() => run(xs, dys, c));
      expect(firstDiff(got.i, want.i)).toBe("same");
      expect(firstDiff(got.v, want.v)).toBe("same");
      expect(firstDiff(got.dx, want.dx)).toBe("same");
    });
  });

  const nhwcCases: PoolCase[] = [...cases.slice(0, 6), { shape: [2, 4, 9, 11], ...two }, { shape: [3, 8, 5, 6], ...two }, { shape: [1, 12, 2, 2], ...two }];
  nhwcCases.forEach((c, k) => {
    test(`NHWC x=${JSON.stringify(c.shape)} MaxPool2d(2): values, indices and grad bit for bit with the NCHW kernels on cpu, on both backends`, async () => {
      const xs = input(c.shape, 4300 + k);
      const dys = (n: number): Float32Array => {
        const d = values(prng(4400 + k), n);
        for (let j = 0; j < n; j += 7) d[j] = -0;
        return d;
      };
      const want = await onCpu(() => run(xs, dys, c));
      for (const got of [runNhwc(xs, dys, c), await onCpu(() => runNhwc(xs, dys, c))]) {
        expect(firstDiff(got.i, want.i)).toBe("same");
        expect(firstDiff(got.v, want.v)).toBe("same");
        expect(firstDiff(got.dx, want.dx)).toBe("same");
      }
      // valuesOnly (the inference chain's pooling; on wasm with channels in fours the values alone).
      const valuesOnly = (): Float32Array =>
        tf.tidy(() => {
          const outs = tf.engine().runKernel("TorchlabMaxPool2x2Nhwc", { x: tf.transpose(tf.tensor(xs, c.shape), [0, 2, 3, 1]) }, { valuesOnly: true }) as tf.Tensor[];
          return tf.transpose(outs[0], [0, 3, 1, 2]).dataSync() as Float32Array;
        });
      expect(firstDiff(valuesOnly(), want.v)).toBe("same");
    });
  });

  test("NHWC gradient with indices outside their windows (another pooling's): the scatter, as the NCHW kernel", async () => {
    const c: PoolCase = { shape: [2, 8, 8, 10], ...two };
    const out = [2, 8, 4, 5];
    const size = out.reduce((a, b) => a * b, 1);
    const r = prng(4500);
    const indices = (n: number): Int32Array => Int32Array.from({ length: n }, () => Math.floor(r() * 80));
    const idx = indices(size);
    const dys = (n: number): Float32Array => values(prng(4501), n);
    const want = await onCpu(() => gradWith(dys(size), idx, c, out));
    for (const got of [runNhwc(input(c.shape, 1), dys, c, () => idx), await onCpu(() => runNhwc(input(c.shape, 1), dys, c, () => idx))]) {
      expect(firstDiff(got.dx, want)).toBe("same");
    }
  });

  test("a window of NaNs picks its last NaN, a window of -inf its first element, ties the first maximum", async () => {
    const c: PoolCase = { shape: [1, 1, 2, 8], ...two };
    const nanA = 0xffc00000;
    const nanB = 0x7fc00001;
    const raw = new Float32Array([1, 3, -Infinity, -Infinity, 0, 5, 2, 2, 3, 3, -Infinity, -Infinity, 5, 1, 2, 2]);
    const bits = new Uint32Array(raw.buffer);
    bits[0] = nanA;
    bits[9] = nanB;
    const got = run(raw, (n) => new Float32Array(n).fill(1), c);
    expect(Array.from(got.i)).toEqual([9, 2, 5, 6]);
    expect(Number.isNaN(got.v[0])).toBe(true);
    expect(Array.from(got.v.slice(1))).toEqual([-Infinity, 5, 2]);
  });
});
