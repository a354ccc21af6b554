#!/usr/bin/env node
/**
 * Per convolution shape of the course's models, XNNPACK's convolution against what can be built from
 * the wasm backend's other kernels, for the forward pass and the weight gradient, in process CPU time
 * (all threads), best of 3 rounds alternated, with each variant's largest difference from the first.
 *
 *   npm run build && node bench/conv_alternatives.js [--reps N]
 *
 * forward:  conv = tf.fused.conv2d (NHWC, explicit padding); im2col = patches from a depthwise
 *           convolution with a one-hot filter, times the [K, O] weight (one 2-D matMul); for an
 *           unpadded 1x1 the patches are the NHWC map itself (subsampled at stride 2), i.e. the 1x1
 *           convolution as a plain matMul.
 * weight gradient (dW [O, C*kH*kW] over P = N*Ho*Wo output pixels):
 *           conv = x as [C, H, W, N] convolved with g as an [Ho, Wo, N, O] kernel (conv.ts's general path);
 *           gT*patches = [O, P] x [P, K] (conv.ts's path for few taps);
 *           patchesT*g = [K, P] x [P, O] with the patches transposed first; batched = one [O, HoWo] x
 *           [HoWo, K] product per sample, summed (wasm's batched matMul); x as filter = g as the
 *           input [O, Ho, Wo, N] convolved with x as the filter [H, W, N, C] (stride 1 only; conv.ts's
 *           path when x is the smaller of the two: XNNPACK packs the filter afresh on every call).
 * The input gradient is a forward convolution of the output gradient (conv.ts), so it has the
 * forward's alternatives. The GFLOP/s count a multiply-add as 2 and are per CPU-second: with 2
 * threads the wall-clock rate is up to twice that. For scale, wasm's 1024^3 matMul runs at ~24 GFLOP
 * per CPU-second here (XNNPACK's SIMD GEMM, 128-bit, no FMA).
 */
"use strict";
const path = require("path");
const { arg, DIST, cpuMs } = require("./_cli");

const REPS = Number(arg("--reps", 3));
process.env.TORCHLAB_BACKEND = "wasm";

// [name, input NCHW, out channels, kernel, stride, padding]
const SHAPES = [
  ["Net conv1", [64, 1, 28, 28], 32, 5, 1, 1],
  ["Net conv2", [64, 32, 13, 13], 64, 3, 1, 1],
  ["ResNet block conv1", [32, 16, 32, 32], 32, 3, 1, 1],
  ["ResNet block conv2", [32, 32, 32, 32], 32, 3, 1, 1],
  ["ResNet block 1x1 shortcut", [32, 16, 32, 32], 32, 1, 1, 0],
  ["resnet18 layer1 3x3", [1, 64, 56, 56], 64, 3, 1, 1],
  ["resnet18 layer2 3x3", [1, 128, 28, 28], 128, 3, 1, 1],
  ["resnet18 layer3 downsample 1x1/2", [1, 128, 28, 28], 256, 1, 2, 0],
  ["resnet18 layer4 3x3", [1, 512, 7, 7], 512, 3, 1, 1],
];

async function main() {
  const { torch } = require(path.join(DIST, "src"));
  const tf = require("@tensorflow/tfjs-core");
  await torch.ready();
  const onehot = (k, c) => {
    const taps = k * k;
    const v = new Float32Array(taps * c * taps);
    for (let t = 0; t < taps; t++) for (let ch = 0; ch < c; ch++) v[(t * c + ch) * taps + t] = 1;
    return tf.keep(tf.tensor4d(v, [k, k, c, taps]));
  };
  console.log(`# ${torch.backend()}; ms per call (GFLOP per CPU-second), max |difference| from the first variant`);
  for (const [name, xs, o, k, s, p] of SHAPES) {
    const [n, c, h, w] = xs;
    const ho = Math.floor((h + 2 * p - k) / s) + 1;
    const wo = Math.floor((w + 2 * p - k) / s) + 1;
    const P = n * ho * wo;
    const K = c * k * k;
    const flops = (2 * P * K * o) / 1e6;
    const x = tf.keep(tf.randomNormal(xs));
    const xn = tf.keep(tf.transpose(x, [0, 2, 3, 1]));
    const wt = tf.keep(tf.randomNormal([o, c, k, k]));
    const hwio = tf.keep(tf.transpose(wt, [2, 3, 1, 0]));
    const wKO = tf.keep(tf.transpose(tf.reshape(wt, [o, K])));
    const g = tf.keep(tf.randomNormal([n, o, ho, wo]));
    const oh = onehot(k, c);
    const pad = [[0, 0], [p, p], [p, p], [0, 0]];
    const plain = k === 1 && p === 0;
    const patches = () =>
      tf.reshape(plain ? (s === 1 ? xn : tf.stridedSlice(xn, [0, 0, 0, 0], [n, h, w, c], [1, s, s, 1])) : c === 1 ? tf.conv2d(xn, oh, s, pad) : tf.depthwiseConv2d(xn, oh, s, pad), [P, K]);
    const forward = {
      conv: () => tf.fused.conv2d({ x: xn, filter: hwio, strides: s, pad }),
      im2col: () => tf.reshape(tf.matMul(patches(), wKO), [n, ho, wo, o]),
    };
    const wgrad = {
      conv: () => {
        const xt = tf.transpose(x, [1, 2, 3, 0]);
        const gt = tf.transpose(g, [2, 3, 0, 1]);
        let full = tf.conv2d(xt, gt, 1, pad, "NHWC", s);
        if (full.shape[1] !== k) full = tf.slice(full, [0, 0, 0, 0], [c, k, k, o]);
        return tf.transpose(full, [3, 0, 1, 2]);
      },
      "gT*patches": () => tf.reshape(tf.matMul(tf.reshape(tf.transpose(g, [1, 0, 2, 3]), [o, P]), patches()), [o, c, k, k]),
      "patchesT*g": () => tf.reshape(tf.transpose(tf.matMul(tf.transpose(patches()), tf.reshape(tf.transpose(g, [0, 2, 3, 1]), [P, o]))), [o, c, k, k]),
      batched: () => tf.reshape(tf.sum(tf.matMul(tf.reshape(g, [n, o, ho * wo]), tf.reshape(patches(), [n, ho * wo, K])), 0), [o, c, k, k]),
    };
    if (s === 1 && p <= k - 1) {
      // g as the input [O, Ho, Wo, N], x as the filter [H, W, N, C]; the result comes out flipped.
      wgrad["x as filter"] = () => {
        const gi = tf.transpose(g, [1, 2, 3, 0]);
        const f = tf.transpose(x, [2, 3, 0, 1]);
        const q = k - 1 - p;
        return tf.transpose(tf.reverse(tf.conv2d(gi, f, 1, [[0, 0], [q, q], [q, q], [0, 0]]), [1, 2]), [0, 3, 1, 2]);
      };
    }
    // tf.tidy walks whatever its function returns looking for tensors, a typed array element by
    // element: run the variant in tidy, read the result outside it.
    const run = (f) => {
      const y = tf.tidy(f);
      const v = y.dataSync();
      y.dispose();
      return v;
    };
    const line = (label, variants) => {
      const ref = run(Object.values(variants)[0]);
      const res = {};
      for (const [key, f] of Object.entries(variants)) {
        const got = run(f);
        let diff = 0;
        for (let i = 0; i < ref.length; i++) diff = Math.max(diff, Math.abs(got[i] - ref[i]));
        res[key] = { best: Infinity, diff };
      }
      for (let r = 0; r < REPS; r++) {
        for (const [key, f] of Object.entries(variants)) {
          const t0 = cpuMs();
          run(f);
          res[key].best = Math.min(res[key].best, cpuMs() - t0);
        }
      }
      const cells = Object.entries(res).map(([key, v]) => `${key} ${v.best.toFixed(1)} (${(flops / v.best).toFixed(1)}) d=${v.diff.toExponential(0)}`);
      console.log(`${name.padEnd(34)} ${label.padEnd(8)} ${cells.join("  ")}`);
    };
    console.log(`${name}: x=[${xs}] ${o}x${k}x${k} stride ${s} pad ${p}: P=${P} K=${K} O=${o}, ${flops.toFixed(0)} MFLOP`);
    line("forward", forward);
    line("dW", wgrad);
    tf.dispose([x, xn, wt, hwio, wKO, g, oh]);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
