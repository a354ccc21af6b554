/**
 * The wasm fast paths of conv.ts and pool.ts, on shapes large enough to take them, against plain
 * float64 loops (PyTorch's definitions): conv2d's weight gradient as patches times a matrix (few
 * taps per output channel over many output pixels: a first layer on grey images, a 1x1 shortcut,
 * strided, dilated and padded variants; and deep layers over no more output pixels than taps), max_pool2d's values under no_grad through XNNPACK's pooling
 * (with the NaN inputs that must fall back to the exact kernel), and `permute`, the transpose that
 * merges neighbouring axes. On other backends the same comparisons check the general paths.
 */
import { torch } from "../../src";
import { tf } from "../../src/backend/tf";
import { permute } from "../../src/ops/conv";
import { prng, int, values } from "../prng";
import { setNchwConvMaxMacs } from "../../src/ops/conv";

const F = torch.nn.functional;
type Tensor = InstanceType<typeof torch.Tensor>;

/** dW[o, c, i, j] = sum over n, y, x of g[n, o, y, x] * x[n, c, y*s - p + i*d, x*s - p + j*d] (zero outside). */
function weightGradRef(xv: Float32Array, xs: number[], gv: Float32Array, gs: number[], k: number[], s: number[], p: number[], d: number[]): Float64Array {
  const [n, c, h, w] = xs;
  const [, o, ho, wo] = gs;
  const [kh, kw] = k;
  const out = new Float64Array(o * c * kh * kw);
  for (let oc = 0; oc < o; oc++)
    for (let ch = 0; ch < c; ch++)
      for (let i = 0; i < kh; i++)
        for (let j = 0; j < kw; j++) {
          let acc = 0;
          for (let b = 0; b < n; b++)
            for (let y = 0; y < ho; y++) {
              const iy = y * s[0] - p[0] + i * d[0];
              if (iy < 0 || iy >= h) continue;
              for (let xx = 0; xx < wo; xx++) {
                const ix = xx * s[1] - p[1] + j * d[1];
                if (ix < 0 || ix >= w) continue;
                acc += gv[((b * o + oc) * ho + y) * wo + xx] * xv[((b * c + ch) * h + iy) * w + ix];
              }
            }
          out[((oc * c + ch) * kh + i) * kw + j] = acc;
        }
  return out;
}

/** The kernels a function runs on the active backend. */
async function kernelsOf(f: () => void): Promise<string[]> {
  const info = await tf.profile(() => {
    f();
    return [];
  });
  return info.kernelNames;
}

const weightGradCases: [string, number[], number[], { stride?: number[]; padding?: number[]; dilation?: number[] }][] = [
  ["grey 5x5 padding 1 (the tutorial Net's first layer)", [16, 1, 28, 28], [8, 1, 5, 5], { padding: [1, 1] }],
  ["1x1 shortcut", [8, 16, 32, 32], [8, 16, 1, 1], {}],
  ["1x1 stride 2 padding 1", [32, 8, 34, 34], [4, 8, 1, 1], { stride: [2, 2], padding: [1, 1] }],
  ["3 channels 3x3 stride 2 padding 1", [16, 3, 48, 48], [5, 3, 3, 3], { stride: [2, 2], padding: [1, 1] }],
  ["2 channels 3x3 dilation 2", [8, 2, 36, 36], [3, 2, 3, 3], { dilation: [2, 2] }],
  ["grey 2x4 padding [1, 2] stride [1, 2]", [24, 1, 30, 60], [6, 1, 2, 4], { stride: [1, 2], padding: [1, 2] }],
  ["deep layer over few pixels (P <= K), 3x3 padding 1", [2, 64, 4, 5], [24, 64, 3, 3], { padding: [1, 1] }],
  ["deep layer over few pixels, stride [2, 1], non-square kernel", [3, 40, 9, 7], [8, 40, 2, 3], { stride: [2, 1], padding: [1, 0] }],
  ["deep layer over few pixels, dilation 2, batch 1", [1, 48, 6, 6], [5, 48, 3, 3], { dilation: [2, 2], padding: [2, 2] }],
];

describe("conv2d weight gradient on many output pixels against a float64 loop", () => {
  // The NHWC path's shapes: small convolutions on wasm otherwise run the NCHW kernels (conv_cpu_kernels.test.ts).
  let nchwMacs: ReturnType<typeof setNchwConvMaxMacs> = null;
  beforeAll(() => {
    nchwMacs = setNchwConvMaxMacs(0);
  });
  afterAll(() => {
    setNchwConvMaxMacs(nchwMacs);
  });
  weightGradCases.forEach(([name, xs, ws, opts], idx) => {
    test(`${name}: x=${JSON.stringify(xs)} w=${JSON.stringify(ws)} ${JSON.stringify(opts)}`, async () => {
      const r = prng(100 + idx);
      const xv = values(r, xs.reduce((a, b) => a * b, 1));
      const x = torch.from_typed(xv, xs);
      const w = torch.from_typed(values(r, ws.reduce((a, b) => a * b, 1)), ws, { requires_grad: true });
      const y = F.conv2d(x, w, opts);
      const gv = values(r, y.numel());
      const kernels = await kernelsOf(() => y.backward(torch.from_typed(gv, y.shape)));
      const s = opts.stride ?? [1, 1], p = opts.padding ?? [0, 0], d = opts.dilation ?? [1, 1];
      const want = weightGradRef(xv, xs, gv, y.shape, [ws[2], ws[3]], s, p, d);
      const got = (w.grad as Tensor).dataSync();
      const scale = want.reduce((m, v) => Math.max(m, Math.abs(v)), 1);
      let worst = 0;
      for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / scale);
      expect(worst).toBeLessThan(2e-5);
      // On wasm these shapes take the patches path: a matrix product, no convolution with g as kernel.
      if (tf.getBackend() === "wasm") expect(kernels).toContain("BatchMatMul");
    });
  });

  test("an infinite input still reaches only the taps that read it (the patches path would spread NaN)", () => {
    // As PyTorch 1.13: with x = ones except one inf, w = ones(1, 1, 3, 3), padding 1 and y.sum().backward(),
    // w.grad is inf exactly at the taps whose window reads the inf pixel for some output.
    const x = torch.ones(16, 1, 28, 28);
    x.setitem([0, 0, 0, 0], Infinity);
    const w = torch.ones(1, 1, 3, 3).requires_grad_();
    F.conv2d(x, w, { padding: 1 }).sum().backward();
    const got = (w.grad as Tensor).tolist() as number[][][][];
    // Tap (i, j) reads pixel (0, 0) from output (1 - i, 1 - j): inside the output for i, j <= 1. The
    // other taps read only ones: 27 or 28 valid rows (and columns) of each of the 16 samples.
    const rows = [27, 28, 27];
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(got[0][0][i][j]).toBe(i <= 1 && j <= 1 ? Infinity : 16 * rows[i] * rows[j]);
  });
});

/** PyTorch's max pooling: the first maximum of each window, NaN winning, padding never chosen. */
function maxPoolRef(xv: Float32Array, xs: number[], k: number, s: number, p: number, out: number[]): Float32Array {
  const [n, c, h, w] = xs;
  const [ho, wo] = out;
  const res = new Float32Array(n * c * ho * wo);
  let o = 0;
  for (let pl = 0; pl < n * c; pl++)
    for (let y = 0; y < ho; y++)
      for (let x = 0; x < wo; x++, o++) {
        let m = -Infinity;
        for (let i = 0; i < k; i++)
          for (let j = 0; j < k; j++) {
            const iy = y * s - p + i, ix = x * s - p + j;
            if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
            const v = xv[(pl * h + iy) * w + ix];
            if (v > m || v !== v) m = v;
          }
        res[o] = m;
      }
  return res;
}

describe("max_pool2d values under no_grad against a loop", () => {
  for (let seed = 200; seed < 208; seed++) {
    const r = prng(seed);
    const n = int(r, 1, 4), c = int(r, 1, 6), k = int(r, 1, 3), s = int(r, 1, 3);
    const p = int(r, 0, Math.floor(k / 2)), h = int(r, k, 20), w = int(r, k, 20);
    const ceil = r() < 0.3;
    test(`seed=${seed} x=[${n},${c},${h},${w}] k=${k} s=${s} p=${p} ceil_mode=${ceil}`, () => {
      const xv = values(r, n * c * h * w);
      // -inf windows and ties are part of what the fast path must get right.
      for (let i = 0; i < xv.length; i += 7) xv[i] = -Infinity;
      for (let i = 3; i < xv.length; i += 11) xv[i] = xv[i - 1];
      const x = torch.from_typed(xv, [n, c, h, w]);
      const y = torch.no_grad(() => F.max_pool2d(x, k, { stride: s, padding: p, ceil_mode: ceil }));
      const want = maxPoolRef(xv, [n, c, h, w], k, s, p, [y.shape[2], y.shape[3]]);
      expect(Array.from(y.dataSync())).toEqual(Array.from(want));
    });
  }

  test("a NaN input propagates to exactly the windows holding it (wasm's Max reduction sees it)", () => {
    const r = prng(300);
    const xv = values(r, 4 * 3 * 26 * 26);
    for (const i of [0, 5, 677, 2000, xv.length - 1]) xv[i] = NaN;
    const x = torch.from_typed(xv, [4, 3, 26, 26]);
    const y = torch.no_grad(() => F.max_pool2d(x, 2));
    const want = maxPoolRef(xv, [4, 3, 26, 26], 2, 2, 0, [13, 13]);
    const got = y.dataSync();
    for (let i = 0; i < want.length; i++) expect(Number.isNaN(got[i]) ? "NaN" : got[i]).toBe(Number.isNaN(want[i]) ? "NaN" : want[i]);
    // The check the fast path relies on, wherever the NaN sits in a long reduction.
    for (const len of [5, 17, 4097]) {
      for (const pos of [0, 1, 3, len - 1]) {
        const a = new Float32Array(len).fill(-Infinity);
        a[pos] = NaN;
        expect(Number.isNaN(tf.tidy(() => tf.max(tf.tensor1d(a)).dataSync()[0]))).toBe(true);
      }
    }
  });

  test("with grad enabled the values and the gradient keep PyTorch's rules", () => {
    const x = torch.tensor([[[[1, 3, 3, 0], [2, 3, -1, 5], [0, 0, 7, 7], [0, 0, 7, 6]]]]).float().requires_grad_();
    const y = F.max_pool2d(x, 2);
    expect(y.tolist()).toEqual([[[[3, 5], [0, 7]]]]);
    y.sum().backward();
    expect((x.grad as Tensor).tolist()).toEqual([[[[0, 1, 0, 0], [0, 0, 0, 1], [1, 0, 1, 0], [0, 0, 0, 0]]]]);
  });
});

describe("permute (transpose with merged axes) equals tf.transpose", () => {
  // Large enough (64K elements and up) to take the merged path.
  const large: [number[], number[]][] = [
    [[64, 26, 26, 32], [0, 3, 1, 2]],
    [[64, 32, 26, 26], [0, 2, 3, 1]],
    [[64, 64, 13, 13], [2, 3, 0, 1]],
    [[64, 64, 13, 13], [1, 0, 2, 3]],
    [[32, 16, 1, 32, 32], [1, 2, 3, 4, 0]],
    [[8, 1, 16, 32, 20], [3, 0, 4, 1, 2]],
  ];
  for (const [shape, perm] of large) {
    test(`shape=${JSON.stringify(shape)} perm=${JSON.stringify(perm)}`, () => {
      const n = shape.reduce((a, b) => a * b, 1);
      const x = tf.tensor(Float32Array.from({ length: n }, (_, i) => i), shape);
      const [want, got] = tf.tidy(() => [tf.transpose(x, perm), permute(x, perm)].map((t) => ({ shape: t.shape, data: t.dataSync() })));
      x.dispose();
      expect(got.shape).toEqual(want.shape);
      let first = -1;
      for (let i = 0; i < n && first < 0; i++) if (got.data[i] !== want.data[i]) first = i;
      expect(first).toBe(-1);
    });
  }

  for (let seed = 400; seed < 440; seed++) {
    const r = prng(seed);
    const rank = int(r, 1, 5);
    const shape = Array.from({ length: rank }, () => int(r, 1, 4));
    const perm = Array.from({ length: rank }, (_, i) => i);
    for (let i = rank - 1; i > 0; i--) {
      const j = int(r, 0, i);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    test(`seed=${seed} shape=${JSON.stringify(shape)} perm=${JSON.stringify(perm)}`, () => {
      const x = tf.tensor(values(r, shape.reduce((a, b) => a * b, 1)), shape);
      const [want, got] = tf.tidy(() => [tf.transpose(x, perm), permute(x, perm)].map((t) => ({ shape: t.shape, data: Array.from(t.dataSync()) })));
      x.dispose();
      expect(got).toEqual(want);
    });
  }
});

describe("conv2d under no_grad keeps the transposed filter only while the weight's values last", () => {
  // The NHWC path's filter cache: small convolutions on wasm otherwise run the NCHW kernels.
  let nchwMacs: ReturnType<typeof setNchwConvMaxMacs> = null;
  beforeAll(() => {
    nchwMacs = setNchwConvMaxMacs(0);
  });
  afterAll(() => {
    setNchwConvMaxMacs(nchwMacs);
  });
  test("an in-place update, a copy_ and load_state_dict between forwards are all seen", () => {
    torch.manual_seed(7);
    const conv = new torch.nn.Conv2d(3, 4, 3, { padding: 1 });
    const x = torch.randn(2, 3, 6, 6);
    const ref = (): Float32Array => (F.conv2d(x, conv.weight.detach().clone(), { bias: (conv.bias as Tensor).detach(), padding: 1 }).dataSync() as Float32Array).slice();
    const forward = (): Float32Array => torch.no_grad(() => conv(x)).dataSync() as Float32Array;
    expect(Array.from(forward())).toEqual(Array.from(ref()));
    torch.no_grad(() => conv.weight.mul_(-2));
    expect(Array.from(forward())).toEqual(Array.from(ref()));
    torch.no_grad(() => conv.weight.copy_(torch.ones(4, 3, 3, 3)));
    expect(Array.from(forward())).toEqual(Array.from(ref()));
    const other = new torch.nn.Conv2d(3, 4, 3, { padding: 1 });
    conv.load_state_dict(other.state_dict());
    expect(Array.from(forward())).toEqual(Array.from(torch.no_grad(() => other(x)).dataSync()));
  });

  test("optimizer steps (SGD with momentum, Adam) between evaluations are seen", () => {
    // A user's loop: evaluate, train a few steps, evaluate again, all inside one function.
    function trainAndEval(makeOpt: (p: Tensor[]) => { zero_grad(): void; step(): void }): number {
      torch.manual_seed(1);
      const conv = new torch.nn.Conv2d(3, 4, 3, { padding: 1 });
      const x = torch.randn(2, 3, 6, 6);
      const opt = makeOpt(conv.parameters());
      torch.no_grad(() => conv(x));
      for (let i = 0; i < 2; i++) {
        opt.zero_grad();
        conv(x).pow(2).sum().backward();
        opt.step();
      }
      const got = torch.no_grad(() => conv(x));
      const want = F.conv2d(x, conv.weight.detach().clone(), { bias: (conv.bias as Tensor).detach(), padding: 1 });
      return got.sub(want).abs().max().item();
    }
    expect(trainAndEval((p) => new torch.optim.SGD(p, { lr: 0.5, momentum: 0.9 }))).toBe(0);
    expect(trainAndEval((p) => new torch.optim.Adam(p, { lr: 0.5 }))).toBe(0);
  });
});
