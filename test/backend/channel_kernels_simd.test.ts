/**
 * Batch norm's per-channel kernels (src/backend/js_kernels.ts: TorchlabChannelMoments, TorchlabChannelSum,
 * TorchlabChannelGradSums, TorchlabChannelAffine, TorchlabBatchNormInputGrad) on the active backend
 * against the same kernels on tfjs's cpu backend (the scalar JavaScript loops, in double), bit for
 * bit. On wasm they run two double lanes at a time (src/backend/simd_channel.ts); the shapes cover
 * inner sizes that are multiples of four, ragged ones (a row's last 1-3 elements; the elementwise
 * passes' overlapping last group), inner < 4 (the scalar loops), an empty batch, and values with
 * NaN, +-inf, -0, all -0 rows, a mean far from zero or infinite, and channels whose first value is
 * an outlier (ChannelMoments' two-pass fallback). The channels-last twins (src/backend/nhwc_kernels.ts:
 * TorchlabChannelMomentsNhwc, ...SumNhwc, ...GradSumsNhwc, TorchlabChannelAffineNhwc, TorchlabBatchNormInputGradNhwc;
 * on wasm four channels at a time, src/backend/simd_nhwc.ts, when C is a multiple of four) run on the
 * same data moved channels-last, on both backends, and must give the NCHW kernels' cpu bits.
 */
import { tf } from "../../src/backend/tf";
import { registerJsKernels } from "../../src/backend/js_kernels";
import { torch } from "../../src";
import { prng, values } from "../prng";
import { onCpu } from "../cpu_backend";
import { simdChannel } from "../../src/backend/simd_channel";
import { simdNhwc } from "../../src/backend/simd_nhwc";

/** The first element whose bits differ, as text, or "same". */
function firstDiff(got: Float32Array, want: Float32Array): string {
  const g = new Uint32Array(got.buffer, got.byteOffset, got.length);
  const w = new Uint32Array(want.buffer, want.byteOffset, want.length);
  if (g.length !== w.length) return `length ${g.length} against ${w.length}`;
  for (let k = 0; k < g.length; k++) if (g[k] !== w[k] && !(Number.isNaN(got[k]) && Number.isNaN(want[k]))) return `${k}: ${got[k]} against ${want[k]}`;
  return "same";
}

interface Case {
  shape: number[];
  offset?: number;
  special?: (x: Float32Array, dy: Float32Array, perChannel: Float32Array) => void;
}

const cases: Case[] = [
  { shape: [4, 32, 13, 13], offset: 0.5 },
  { shape: [3, 5, 3, 7], offset: 100 },
  { shape: [2, 3, 4] },
  {
    shape: [3, 4, 3, 3],
    offset: 3,
    // Channel 0's first value an outlier (the shifted sums' check fails: two passes); channel 2's 1e30.
    special: (x) => {
      x[0] = -5000;
      x[18] = 1e30;
    },
  },
  { shape: [2, 4, 5] },
  { shape: [2, 3, 6] },
  { shape: [2, 3, 7] },
  { shape: [6, 4] },
  { shape: [2, 3, 3] },
  { shape: [0, 3, 2, 2] },
  {
    shape: [2, 3, 2, 5],
    special: (x, dy, pc) => {
      x[0] = Infinity;
      x[11] = NaN;
      x[13] = -0;
      x[29] = -Infinity;
      dy[3] = NaN;
      dy[9] = -0;
      dy[19] = Infinity;
      pc[1] = Infinity; // an infinite mean (and center, scale, shift) for channel 1
      pc[2] = NaN;
    },
  },
  {
    shape: [2, 2, 9],
    // Channel 0 all -0 (sums of -0 are +0), channel 1 a mean of -inf.
    special: (x, dy, pc) => {
      for (const b of [0, 1]) for (let i = 0; i < 9; i++) {
        x[b * 18 + i] = -0;
        dy[b * 18 + i] = -0;
      }
      pc[1] = -Infinity;
    },
  },
  { shape: [2, 8, 3, 5], offset: 7 },
  { shape: [3, 4, 3, 3], offset: 3, special: (x) => ((x[0] = -5000), (x[19] = 1e30)) },
  {
    shape: [2, 4, 2, 5],
    special: (x, dy, pc) => {
      x[0] = Infinity;
      x[11] = NaN;
      x[13] = -0;
      x[29] = -Infinity;
      dy[3] = NaN;
      dy[9] = -0;
      dy[19] = Infinity;
      pc[1] = Infinity;
      pc[2] = NaN;
      for (let i = 30; i < 40; i++) x[i] = dy[i] = -0;
    },
  },
  {
    shape: [1, 4, 5],
    special: (x, dy, pc) => {
      x.set([2 ** 60, 1, -(2 ** 60), 0, 0, 0.5, -1.5, 2, 0.25, 1], 0);
      dy.set([2 ** 60, 1, -(2 ** 60), 0, 0, 0.5, 1.5, 2, 0.25, 1], 0);
      pc[1] = -Infinity;
    },
  },
  {
    shape: [2, 4, 7],
    // Channel 0's last three positions go to partial sum 0 (not 1, 2, 3): s0 = 1 - 2^60, s2 = 2^60 add to 0, where
    // the -2^60 in s2 would leave 1.
    special: (x, dy) => {
      x.set([1, 0, 2 ** 60, 0, 0, 0, -(2 ** 60)], 0);
      dy.set([1, 0, 2 ** 60, 0, 0, 0, -(2 ** 60)], 0);
    },
  },
  {
    shape: [2, 4, 5],
    // Channel 0: 1.5 and 1.5 around 2^54 in partial sum 0 (the last position, 4, goes there) round to 2^54, and
    // -2^54 in sum 2 cancels it: 0; with the last position in sum 1 the sums would be 3 and 2^54, leaving 4.
    special: (x, dy) => {
      for (const v of [x, dy]) {
        v.set([1.5, 0, -(2 ** 54), 0, 2 ** 54], 0);
        v.set([1.5, 0, 0, 0, 0], 20);
      }
    },
  },
  {
    shape: [1, 2, 5],
    // Channel 0: partial sums 2^60, 1, -2^60, 0, whose order of addition shows (((s0 + s1) + s2) + s3 = 0,
    // (s0 + s2) + s1 = 1); channel 1: a mean of -inf with positive gradients, every (x - mean) * dy +inf.
    special: (x, dy, pc) => {
      x.set([2 ** 60, 1, -(2 ** 60), 0, 0, 0.5, -1.5, 2, 0.25, 1], 0);
      dy.set([2 ** 60, 1, -(2 ** 60), 0, 0, 0.5, 1.5, 2, 0.25, 1], 0);
      pc[1] = -Infinity;
    },
  },
];

type Inputs = { x: Float32Array; dy: Float32Array; pc: Float32Array; k: Float32Array };

function inputs(c: Case, seed: number): Inputs {
  const size = c.shape.reduce((a, v) => a * v, 1);
  const ch = c.shape[1];
  const x = values(prng(seed), size, c.offset ?? 0);
  const dy = values(prng(seed + 1), size);
  const pc = values(prng(seed + 2), ch, c.offset ?? 0);
  const k = values(prng(seed + 3), 3 * ch);
  c.special?.(x, dy, pc);
  return { x, dy, pc, k };
}

/** The four kernels' outputs for one case. */
function runAll(c: Case, v: Inputs): Record<string, Float32Array> {
  const ch = c.shape[1];
  const run = (name: string, ins: Record<string, tf.Tensor>): Float32Array =>
    tf.tidy(() => (tf.engine().runKernel(name, ins) as tf.Tensor).dataSync() as Float32Array);
  return tf.tidy(() => {
    const x = tf.tensor(v.x, c.shape);
    const dy = tf.tensor(v.dy, c.shape);
    const pc = tf.tensor(v.pc, [ch]);
    const scale = tf.tensor(v.k.slice(0, ch), [ch]);
    const shift = tf.tensor(v.k.slice(ch, 2 * ch), [ch]);
    return {
      moments: run("TorchlabChannelMoments", { x }),
      channelSum: run("TorchlabChannelSum", { x }),
      gradSums: run("TorchlabChannelGradSums", { dy, x, mean: pc }),
      affine: run("TorchlabChannelAffine", { x, center: pc, scale, shift }),
      inputGrad: run("TorchlabBatchNormInputGrad", { dy, x, mean: pc, k: tf.tensor(v.k, [3, ch]) }),
    };
  });
}

/** The channels-last kernels on the same data ([N, ...inner, C]), their results back in NCHW order. */
function runAllNhwc(c: Case, v: Inputs): Record<string, Float32Array> {
  const ch = c.shape[1];
  const r = c.shape.length;
  const last = [0, ...Array.from({ length: r - 2 }, (_, i) => i + 2), 1];
  const first = [0, r - 1, ...Array.from({ length: r - 2 }, (_, i) => i + 1)];
  const run = (name: string, ins: Record<string, tf.Tensor>, back = false, attrs: tf.NamedAttrMap = {}): Float32Array =>
    tf.tidy(() => {
      const out = tf.engine().runKernel(name, ins, attrs) as tf.Tensor;
      return (back ? tf.transpose(out, first) : out).dataSync() as Float32Array;
    });
  return tf.tidy(() => {
    const x = tf.transpose(tf.tensor(v.x, c.shape), last);
    const dy = tf.transpose(tf.tensor(v.dy, c.shape), last);
    const pc = tf.tensor(v.pc, [ch]);
    const scale = tf.tensor(v.k.slice(0, ch), [ch]);
    const shift = tf.tensor(v.k.slice(ch, 2 * ch), [ch]);
    return {
      moments: run("TorchlabChannelMomentsNhwc", { x }),
      channelSum: run("TorchlabChannelSumNhwc", { x }),
      gradSums: run("TorchlabChannelGradSumsNhwc", { dy, x, mean: pc }),
      affine: run("TorchlabChannelAffineNhwc", { x, center: pc, scale, shift }, true),
      affineRelu: run("TorchlabChannelAffineNhwc", { x, center: pc, scale, shift }, true, { relu: true }),
      inputGrad: run("TorchlabBatchNormInputGradNhwc", { dy, x, mean: pc, k: tf.tensor(v.k, [3, ch]) }, true),
    };
  });
}

describe("batch norm's per-channel kernels against the cpu backend's, bit for bit", () => {
  beforeAll(async () => {
    await torch.ready();
    registerJsKernels();
  });

  test("on wasm the SIMD per-channel loops are built on the backend's memory", () => {
    if (tf.getBackend() !== "wasm") return;
    expect(simdChannel(tf.backend())).not.toBeNull();
    expect(simdNhwc(tf.backend())).not.toBeNull();
  });

  cases.forEach((c, i) => {
    test(`x=dy=${JSON.stringify(c.shape)}${c.offset ? ` offset=${c.offset}` : ""}${c.special ? " with NaN, inf and -0" : ""}: ChannelMoments, ChannelSum, ChannelGradSums, ChannelAffine, BatchNormInputGrad`, async () => {
      const v = inputs(c, 5100 + 10 * i);
      const got = runAll(c, v);
      const want = await onCpu(() => runAll(c, v));
      for (const key of Object.keys(want)) expect(`${key} ${firstDiff(got[key], want[key])}`).toBe(`${key} same`);
      if (c.shape.length < 2 || c.shape[0] === 0) return;
      const nhwcCpu = await onCpu(() => runAllNhwc(c, v));
      for (const [where, nhwc] of [["active", runAllNhwc(c, v)], ["cpu", nhwcCpu]] as const) {
        for (const key of Object.keys(want)) expect(`NHWC ${where} ${key} ${firstDiff(nhwc[key], want[key])}`).toBe(`NHWC ${where} ${key} same`);
        // ReLU then the transform (an inference chain's pool -> ReLU -> batch norm): the scalar loop's bits.
        expect(`NHWC ${where} affineRelu ${firstDiff(nhwc.affineRelu, nhwcCpu.affineRelu)}`).toBe(`NHWC ${where} affineRelu same`);
      }
    });
  });
});
