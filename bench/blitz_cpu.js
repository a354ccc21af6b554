#!/usr/bin/env node
/**
 * Process CPU time per training step of the blitz workload (PyTorch's "training a classifier" net at
 * batch 4, bench/models.js), through torchlab or through the same model written directly in tfjs
 * (bench/tfjs_models.js), yielding to the event loop after each step as bench/run.js does. CPU time
 * rather than wall time, so that runs on a shared machine can be compared; run old and new builds
 * alternately and compare the medians.
 *
 *   node bench/blitz_cpu.js [torchlab|tfjs] [--steps N] [--warmup N]
 *   TORCHLAB_DIST=<other worktree>/dist node bench/blitz_cpu.js   (another build)
 *   node --cpu-prof bench/blitz_cpu.js torchlab --steps 400          (a profile of the steps)
 */
"use strict";
const path = require("path");

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
process.env.TORCHLAB_BACKEND = arg("--backend", process.env.TORCHLAB_BACKEND || "wasm");
const DIST = process.env.TORCHLAB_DIST ? path.resolve(process.env.TORCHLAB_DIST) : path.join(__dirname, "..", "dist");
const which = process.argv[2] === "tfjs" ? "tfjs" : "torchlab";
const STEPS = Number(arg("--steps", 300));
const WARMUP = Number(arg("--warmup", 50));

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};

async function main() {
  const { torch } = require(path.join(DIST, "src"));
  const tf = require("@tensorflow/tfjs-core");
  await torch.ready();
  let step;
  if (which === "tfjs") {
    step = require("./tfjs_models").tfjsModels(tf).blitz().step;
  } else {
    const { models, trainStep } = require("./models");
    step = trainStep(torch, models(torch).blitz());
  }
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < WARMUP; i++) {
    step();
    await tick();
  }
  const t0 = cpuMs(), w0 = performance.now();
  let last;
  for (let i = 0; i < STEPS; i++) {
    last = step();
    await tick();
  }
  const cpu = (cpuMs() - t0) / STEPS, wall = (performance.now() - w0) / STEPS;
  console.log(JSON.stringify({ which, dist: DIST, steps: STEPS, cpuMsPerStep: +cpu.toFixed(3), wallMsPerStep: +wall.toFixed(3), last }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
