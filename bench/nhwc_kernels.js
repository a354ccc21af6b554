#!/usr/bin/env node
/**
 * Process CPU time of the channels-last MaxPool2d(2) and batch norm kernels (src/backend/nhwc_kernels.ts)
 * against their NCHW twins and the Transposes an NHWC-resident layer would save, on the tutorial Net's
 * shapes (batch 64), one wasm thread, kernels alternated in blocks.
 *
 *   npm run build && node bench/nhwc_kernels.js [reps]
 */
"use strict";
const path = require("path");

process.env.TORCHLAB_BACKEND = "wasm";
process.env.OMP_NUM_THREADS = "1";
const reps = Number(process.argv[2] || 20);

async function main() {
  const { torch } = require(path.join(__dirname, "..", "dist", "src"));
  const tf = require("@tensorflow/tfjs-core");
  await torch.ready();
  const run = (name, inputs, attrs = {}) => tf.engine().runKernel(name, inputs, attrs);
  // Outputs disposed one by one: inside tf.tidy the same calls measured 3-8x slower here.
  const once = (f) => {
    const out = f();
    for (const t of Array.isArray(out) ? out : [out]) t.dispose();
  };
  const cpuMs = (f) => {
    for (let i = 0; i < 3; i++) once(f);
    let best = Infinity;
    for (let block = 0; block < 5; block++) {
      const t0 = process.cpuUsage();
      for (let i = 0; i < reps; i++) once(f);
      const t = process.cpuUsage(t0);
      best = Math.min(best, (t.user + t.system) / 1000 / reps);
    }
    return best;
  };
  const nchwOf = (s) => [s[0], s[3], s[1], s[2]];
  const rows = [];
  const compare = (label, nchw, nhwc) => {
    const a = cpuMs(nchw);
    const b = cpuMs(nhwc);
    rows.push(`${label.padEnd(44)} NCHW ${a.toFixed(3).padStart(7)}  NHWC ${b.toFixed(3).padStart(7)} ms`);
  };
  const pool = [64, 26, 26, 32];
  const xp = tf.keep(tf.randomNormal(pool));
  const xpc = tf.keep(tf.transpose(xp, [0, 3, 1, 2]));
  const attrs = { kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], out: [13, 13] };
  compare("MaxPool2d(2) [64,32,26,26]", () => run("TorchlabMaxPool2d", { x: xpc }, attrs), () => run("TorchlabMaxPool2x2Nhwc", { x: xp }));
  const [, ic] = tf.engine().runKernel("TorchlabMaxPool2d", { x: xpc }, attrs).map((t) => tf.keep(t));
  const [, ih] = tf.engine().runKernel("TorchlabMaxPool2x2Nhwc", { x: xp }).map((t) => tf.keep(t));
  const dyc = tf.keep(tf.randomNormal([64, 32, 13, 13]));
  const dyh = tf.keep(tf.transpose(dyc, [0, 2, 3, 1]));
  compare("MaxPool2d(2) grad", () => run("TorchlabMaxPool2dGrad", { dy: dyc, indices: ic }, { inputHW: [26, 26] }), () => run("TorchlabMaxPool2x2NhwcGrad", { dy: dyh, indices: ih }, { inputHW: [26, 26] }));
  for (const c of [32, 64]) {
    const s = [64, 13, 13, c];
    const xh = tf.keep(tf.randomNormal(s));
    const xc = tf.keep(tf.transpose(xh, [0, 3, 1, 2]));
    const gh = tf.keep(tf.randomNormal(s));
    const gc = tf.keep(tf.transpose(gh, [0, 3, 1, 2]));
    const m = tf.keep(tf.randomNormal([c]));
    const k = tf.keep(tf.randomNormal([3, c]));
    const sc = tf.keep(tf.randomNormal([c]));
    const label = (name) => `${name} [64,${c},13,13]`;
    compare(label("ChannelMoments"), () => run("TorchlabChannelMoments", { x: xc }), () => run("TorchlabChannelMomentsNhwc", { x: xh }));
    compare(label("ChannelAffine"), () => run("TorchlabChannelAffine", { x: xc, center: m, scale: sc, shift: m }), () => run("TorchlabChannelAffineNhwc", { x: xh, center: m, scale: sc, shift: m }));
    compare(label("ChannelGradSums"), () => run("TorchlabChannelGradSums", { dy: gc, x: xc, mean: m }), () => run("TorchlabChannelGradSumsNhwc", { dy: gh, x: xh, mean: m }));
    compare(label("BatchNormInputGrad"), () => run("TorchlabBatchNormInputGrad", { dy: gc, x: xc, mean: m, k }), () => run("TorchlabBatchNormInputGradNhwc", { dy: gh, x: xh, mean: m, k }));
    compare(label("ChannelSum (bias gradient)"), () => run("TorchlabChannelSum", { x: gc }), () => run("TorchlabChannelSumNhwc", { x: gh }));
    compare(label("Transpose NHWC->NCHW / NCHW->NHWC"), () => tf.transpose(xh, [0, 3, 1, 2]), () => tf.transpose(xc, [0, 2, 3, 1]));
  }
  compare("Transpose [64,26,26,32] NHWC->NCHW / back", () => tf.transpose(xp, [0, 3, 1, 2]), () => tf.transpose(xpc, [0, 2, 3, 1]));
  console.log(`# best block of ${reps} calls, process CPU ms per call, ${torch.backend()}; ${nchwOf(pool)}`);
  for (const r of rows) console.log(r);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
