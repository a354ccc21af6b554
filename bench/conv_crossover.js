#!/usr/bin/env node
/**
 * conv2d's two paths on wasm per convolution of the course's models: the NCHW kernels (js_kernels.ts,
 * simd_conv.ts; single-threaded) against XNNPACK's NHWC convolution between transposes, forward +
 * backward (input, weight and bias gradients) through torchlab, alternated 3 rounds in one process;
 * the fastest round's process CPU and wall ms per call, and the ratio NCHW / XNNPACK. The data for
 * ops/conv.ts's nchwConvPays.
 *
 *   npm run build && OMP_NUM_THREADS=1 node bench/conv_crossover.js [--only LABEL]
 *
 * TORCHLAB_DIST=<dir> measures another build.
 */
"use strict";
const path = require("path");
process.env.TORCHLAB_BACKEND = "wasm";
const DIST = process.env.TORCHLAB_DIST ? path.resolve(process.env.TORCHLAB_DIST) : path.join(__dirname, "..", "dist");
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
async function main() {
  const { torch } = require(path.join(DIST, "src"));
  const { setNchwConvMaxMacs } = require(path.join(DIST, "src/ops/conv"));
  await torch.ready();
  const F = torch.nn.functional;
  console.log(`# ${torch.backend()}, ${torch.get_num_threads()} thread(s); ms per forward + backward, fastest of 3 rounds`);
  // [label, input NCHW, weight OIHW, padding]
  const cases = [
    ["blitz c1 b4", [4, 3, 32, 32], [6, 3, 5, 5], 0],
    ["blitz c1 b16", [16, 3, 32, 32], [6, 3, 5, 5], 0],
    ["blitz c2 b32", [32, 6, 14, 14], [16, 6, 5, 5], 0],
    ["Net c1 b8", [8, 1, 28, 28], [32, 1, 5, 5], 1],
    ["Net c2 b4", [4, 32, 13, 13], [64, 32, 3, 3], 1],
    ["Net c2 b16", [16, 32, 13, 13], [64, 32, 3, 3], 1],
    ["Res 16-32 b4", [4, 16, 32, 32], [32, 16, 3, 3], 1],
    ["Res 32-32 b4", [4, 32, 32, 32], [32, 32, 3, 3], 1],
    ["Net c1 b64", [64, 1, 28, 28], [32, 1, 5, 5], 1],
    ["Net c2 b64", [64, 32, 13, 13], [64, 32, 3, 3], 1],
    ["Res 16-32 b32", [32, 16, 32, 32], [32, 16, 3, 3], 1],
    ["Res 32-32 b32", [32, 32, 32, 32], [32, 32, 3, 3], 1],
    ["Res 1x1 b32", [32, 16, 32, 32], [32, 16, 1, 1], 0],
  ];
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
  for (const [label, xs, ws, p] of cases) {
    if (only && !label.includes(only)) continue;
    const ho = xs[2] + 2 * p - ws[2] + 1, wo = xs[3] + 2 * p - ws[3] + 1;
    const macs = xs[0] * ws[0] * ho * wo * ws[1] * ws[2] * ws[3];
    torch.manual_seed(0);
    const x = torch.randn(...xs, { requires_grad: true }), w = torch.randn(...ws, { requires_grad: true }), b = torch.randn(ws[0], { requires_grad: true });
    const g = torch.randn(xs[0], ws[0], ho, wo);
    const step = () => { const y = F.conv2d(x, w, { bias: b, padding: p }); y.backward(g); w.grad.dataSync(); x.grad = null; w.grad = null; b.grad = null; };
    const reps = Math.max(5, Math.round(3e8 / macs));
    const res = {};
    for (let round = 0; round < 3; round++) {
      for (const [name, bound] of [["nchw", 1e12], ["xnn", 0]]) {
        setNchwConvMaxMacs(bound);
        for (let i = 0; i < 3; i++) step();
        const t0 = cpuMs(), w0 = performance.now();
        for (let i = 0; i < reps; i++) step();
        const c = (cpuMs() - t0) / reps, wl = (performance.now() - w0) / reps;
        res[name] = res[name] || { c: Infinity, w: Infinity };
        res[name].c = Math.min(res[name].c, c); res[name].w = Math.min(res[name].w, wl);
        await new Promise((r) => setImmediate(r));
      }
    }
    console.log(`${label.padEnd(14)} ${(macs / 1e6).toFixed(1).padStart(5)}M  cpu nchw ${res.nchw.c.toFixed(2)} xnn ${res.xnn.c.toFixed(2)} (${(res.nchw.c / res.xnn.c).toFixed(2)})  wall nchw ${res.nchw.w.toFixed(2)} xnn ${res.xnn.w.toFixed(2)} (${(res.nchw.w / res.xnn.w).toFixed(2)})`);
  }
}

main();
