#!/usr/bin/env node
/**
 * Training steps per second of CPU time for a 2-layer LSTM(64 -> 128), sequence 35, batch 20
 * (forward, backward, SGD step), and the backend kernel calls per step: both measures hold up on a
 * loaded machine, unlike wall-clock time.
 *
 *   npm run build && node bench/rnn_lstm.js [--backend wasm|cpu] [--steps N] [--by-kernel]
 */
"use strict";
const path = require("path");

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
process.env.TORCHLAB_BACKEND = arg("--backend", process.env.TORCHLAB_BACKEND || "wasm");
const DIST = process.env.TORCHLAB_DIST ? path.resolve(process.env.TORCHLAB_DIST) : path.join(__dirname, "..", "dist");

async function main() {
  const { torch } = require(path.join(DIST, "src"));
  await torch.ready();
  const tf = require("@tensorflow/tfjs-core");
  let counts = new Map();
  // --time-kernels: the time inside each kernel (by kernel and first input's shape), for profiling.
  const timed = process.argv.includes("--time-kernels");
  const times = new Map();
  for (const config of tf.getKernelsForBackend(tf.getBackend())) {
    const run = config.kernelFunc;
    config.kernelFunc = (a) => {
      counts.set(config.kernelName, (counts.get(config.kernelName) || 0) + 1);
      if (!timed) return run(a);
      const t = process.hrtime.bigint();
      const r = run(a);
      const k = config.kernelName + " " + (a.inputs && Object.values(a.inputs)[0] ? Object.values(a.inputs)[0].shape.join("x") : "");
      times.set(k, (times.get(k) || 0) + Number(process.hrtime.bigint() - t) / 1e6);
      return r;
    };
  }
  torch.manual_seed(0);
  const lstm = new torch.nn.LSTM(64, 128, 2);
  const opt = new torch.optim.SGD(lstm.parameters(), { lr: 0.01 });
  const x = torch.randn(35, 20, 64);
  const w = torch.randn(35, 20, 128);
  const step = () => {
    opt.zero_grad();
    const [out] = lstm(x);
    const loss = out.mul(w).mean();
    loss.backward();
    opt.step();
    return loss;
  };
  step();
  step();
  counts = new Map();
  step().item();
  const perStep = counts;
  counts = new Map();
  const steps = Number(arg("--steps", "10"));
  const t0 = process.cpuUsage();
  const w0 = Date.now();
  for (let i = 0; i < steps; i++) step().item();
  const cpu = process.cpuUsage(t0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const total = [...perStep.values()].reduce((a, b) => a + b, 0);
  console.log(`${torch.backend()}`);
  console.log(`LSTM(64, 128, num_layers=2), seq 35, batch 20, forward+backward+SGD: ${steps} steps, ` +
    `${(steps / cpuS).toFixed(2)} steps/s of process CPU time (${((cpuS / steps) * 1000).toFixed(0)} ms CPU/step, ${((Date.now() - w0) / steps).toFixed(0)} ms wall/step), ${total} kernel calls/step`);
  if (timed) {
    for (const [k, v] of [...times.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${k.padEnd(40)} ${(v / steps).toFixed(1)} ms/step`);
  }
  if (process.argv.includes("--by-kernel")) {
    for (const [k, v] of [...perStep.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(28)} ${v}`);
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
