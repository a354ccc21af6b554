#!/usr/bin/env node
/**
 * Splits a training step's process CPU time into the time spent inside backend kernels and the time
 * spent around them (torchlab's or a tfjs program's own JavaScript, tfjs-core's dispatch, scopes,
 * bookkeeping), for the blitz workload (PyTorch's "training a classifier" net at batch 4,
 * bench/models.js) through torchlab and through the same model written directly in tfjs
 * (bench/tfjs_models.js). The torchlab/tfjs ratio of bench/run.js mixes the two; this tells which one
 * a change moved, and per kernel call, how much framework time each costs.
 *
 *   node bench/overhead_split.js [--rounds N] [--steps N]      (wasm; OMP_NUM_THREADS=1 for CPU time)
 *   TORCHLAB_DIST=<other worktree>/dist node bench/overhead_split.js
 *
 * A kernel's time is process CPU time (getrusage, microseconds) from its kernelFunc's entry to its
 * return, counted once where one kernel calls another; the two reads per call (~0.3 us each) fall
 * outside the kernel, so "around" carries ~0.6 us per call of measuring cost on both sides. Rounds
 * alternate torchlab and tfjs; each row is the round median. GC pauses: V8's collections per step
 * (wall time of their pauses, from perf_hooks; part of "in step" or of the ticks between steps).
 */
"use strict";
const path = require("path");

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
process.env.TORCHLAB_BACKEND = arg("--backend", process.env.TORCHLAB_BACKEND || "wasm");
const DIST = process.env.TORCHLAB_DIST ? path.resolve(process.env.TORCHLAB_DIST) : path.join(__dirname, "..", "dist");
const ROUNDS = Number(arg("--rounds", 5));
const STEPS = Number(arg("--steps", 200));

const { cpuMs, installClock } = require("./kernel_clock");

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const { torch } = require(path.join(DIST, "src"));
  const tf = require(require.resolve("@tensorflow/tfjs-core", { paths: [DIST] }));
  await torch.ready();
  const clock = installClock(tf);
  const { models, trainStep } = require("./models");
  const steps = {
    torchlab: trainStep(torch, models(torch).blitz()),
    tfjs: require("./tfjs_models").tfjsModels(tf).blitz().step,
  };
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  // V8's collections (pause time, mostly scavenges), reported asynchronously: read after a few ticks.
  let gcMs = 0;
  const { PerformanceObserver } = require("perf_hooks");
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  }).observe({ entryTypes: ["gc"] });
  const rows = { torchlab: [], tfjs: [] };
  for (const which of Object.keys(steps)) for (let i = 0; i < 50; i++) (steps[which](), await tick());
  for (let r = 0; r < ROUNDS; r++) {
    for (const which of Object.keys(steps)) {
      clock.on = true;
      clock.ms = 0;
      clock.calls = 0;
      let inStep = 0;
      for (let i = 0; i < 3; i++) await tick();
      gcMs = 0;
      const t0 = cpuMs();
      for (let i = 0; i < STEPS; i++) {
        const s = cpuMs();
        steps[which]();
        inStep += cpuMs() - s;
        await tick();
      }
      const total = cpuMs() - t0;
      clock.on = false;
      for (let i = 0; i < 3; i++) await tick();
      rows[which].push({ total: total / STEPS, step: inStep / STEPS, kernels: clock.ms / STEPS, calls: clock.calls / STEPS, gc: gcMs / STEPS });
      gcMs = 0;
    }
  }
  console.log(`# blitz step, ${torch.backend()}: process CPU ms per step, median of ${ROUNDS} alternated rounds of ${STEPS} steps`);
  console.log("          total   in step   in kernels   around kernels   kernel calls   around per call (us)   GC pauses");
  for (const [which, rs] of Object.entries(rows)) {
    const m = (k) => median(rs.map((r) => r[k]));
    const around = median(rs.map((r) => r.step - r.kernels));
    console.log(
      `${which.padEnd(9)} ${m("total").toFixed(3).padStart(6)}  ${m("step").toFixed(3).padStart(8)}  ${m("kernels").toFixed(3).padStart(11)}  ${around.toFixed(3).padStart(15)}  ${m("calls").toFixed(0).padStart(13)}  ${((1000 * around) / m("calls")).toFixed(1).padStart(21)}  ${m("gc").toFixed(3).padStart(10)}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
