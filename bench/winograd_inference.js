#!/usr/bin/env node
/**
 * Whether inference (no_grad / eval) convolutions would pay on the Winograd kernel: per 3x3 stride-1
 * shape of the course's models, the path inference takes now (ops/conv.ts: XNNPACK's NHWC convolution
 * on activations kept NHWC, on the wasm thread pool) against js_kernels.ts's TorchlabConv2d with
 * Winograd F(2x2, 3x3) (src/backend/simd_winograd.ts, NCHW, one thread), with and without the two
 * layout transposes the NHWC chain would need around it, and against the same kernel's direct
 * convolution. Rounds alternate between the variants; per call, the fastest and the median round's
 * process CPU time (all threads) and wall time, and each variant's largest |difference| from XNNPACK's.
 *
 *   npm run build && OMP_NUM_THREADS=2 node bench/winograd_inference.js [--reps N]
 *
 * The thread pool is fixed when the backend starts: run it once per thread count. With 2 threads,
 * XNNPACK's wall time is about half its CPU time, while the Winograd kernel's wall time is its CPU time.
 */
"use strict";
const path = require("path");
const { arg, DIST, cpuMs } = require("./_cli");

const REPS = Number(arg("--reps", 15));
process.env.TORCHLAB_BACKEND = "wasm";

// [name, input NCHW, out channels] (3x3, stride 1, padding 1, with a bias)
const SHAPES = [
  ["Net conv2", [64, 32, 13, 13], 64],
  ["ResNet block conv1", [32, 16, 32, 32], 32],
  ["ResNet block conv2", [32, 32, 32, 32], 32],
  ["resnet18 layer1 3x3, batch 1", [1, 64, 56, 56], 64],
  ["resnet18 layer2 3x3, batch 1", [1, 128, 28, 28], 128],
];

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function main() {
  const { torch } = require(path.join(DIST, "src"));
  const { setWinograd } = require(path.join(DIST, "src", "backend", "simd_winograd"));
  const tf = require(require.resolve("@tensorflow/tfjs-core", { paths: [DIST] }));
  await torch.ready();
  console.log(`# ${torch.backend()}, ${torch.get_num_threads()} thread(s); ms per call: CPU fastest / median, wall fastest / median; max |difference| from XNNPACK's`);
  for (const [name, [n, c, h, w], o] of SHAPES) {
    const x = tf.keep(tf.randomNormal([n, c, h, w]));
    const xn = tf.keep(tf.transpose(x, [0, 2, 3, 1]));
    const wt = tf.keep(tf.mul(tf.randomNormal([o, c, 3, 3]), 1 / Math.sqrt(9 * c)));
    const hwio = tf.keep(tf.transpose(wt, [2, 3, 1, 0]));
    const bias = tf.keep(tf.randomNormal([o]));
    const pad = [[0, 0], [1, 1], [1, 1], [0, 0]];
    const attrs = { stride: [1, 1], padding: [1, 1], dilation: [1, 1], out: [h, w] };
    const kernel = (on, input) => {
      const previous = setWinograd(on);
      try {
        return tf.engine().runKernel("TorchlabConv2d", { x: input, w: wt, bias }, attrs);
      } finally {
        setWinograd(previous);
      }
    };
    const variants = {
      "XNNPACK NHWC": () => tf.fused.conv2d({ x: xn, filter: hwio, strides: 1, pad, bias }),
      "Winograd NCHW": () => tf.transpose(kernel(true, x), [0, 2, 3, 1]),
      "Winograd + transposes": () => tf.transpose(kernel(true, tf.transpose(xn, [0, 3, 1, 2])), [0, 2, 3, 1]),
      "direct NCHW": () => tf.transpose(kernel(false, x), [0, 2, 3, 1]),
    };
    // The NCHW variants' own time excludes the comparison's transpose back: timed without it.
    const timed = { ...variants, "Winograd NCHW": () => kernel(true, x), "direct NCHW": () => kernel(false, x) };
    const run = (f) => {
      const y = tf.tidy(f);
      const v = y.dataSync();
      y.dispose();
      return v;
    };
    const ref = run(variants["XNNPACK NHWC"]);
    const res = {};
    for (const [key, f] of Object.entries(variants)) {
      const got = run(f);
      let diff = 0;
      for (let i = 0; i < ref.length; i++) diff = Math.max(diff, Math.abs(got[i] - ref[i]));
      res[key] = { cpu: [], wall: [], diff };
    }
    for (let r = 0; r < REPS; r++) {
      for (const [key, f] of Object.entries(timed)) {
        const [c0, w0] = [cpuMs(), performance.now()];
        run(f);
        res[key].cpu.push(cpuMs() - c0);
        res[key].wall.push(performance.now() - w0);
      }
    }
    console.log(`${name}: x=[${n},${c},${h},${w}] -> ${o} channels, ${((2 * n * o * h * w * c * 9) / 1e6).toFixed(0)} MFLOP`);
    for (const [key, v] of Object.entries(res)) {
      const f = (a) => `${Math.min(...a).toFixed(2)} / ${median(a).toFixed(2)}`;
      console.log(`  ${key.padEnd(22)} CPU ${f(v.cpu).padEnd(14)} wall ${f(v.wall).padEnd(14)} diff ${v.diff.toExponential(1)}`);
    }
    tf.dispose([x, xn, wt, hwio, bias]);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
