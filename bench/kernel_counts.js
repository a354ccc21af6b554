#!/usr/bin/env node
/**
 * Backend kernel calls per training step of the course's models, through torchlab and through the
 * same model written directly in tfjs: a measure of per-op work that does not depend on machine load.
 *
 *   npm run build && node bench/kernel_counts.js [--backend wasm|cpu] [--by-kernel]
 *
 * Counts every call of a kernel registered for the backend (a kernel that another kernel calls
 * directly, as wasm's BatchMatMul calls its Reshape, is not counted). TORCHLAB_DIST=<dir> counts
 * another build (an older commit compiled with `tsc --outDir <dir>`), to compare before and after.
 */
"use strict";
const path = require("path");

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
process.env.TORCHLAB_BACKEND = arg("--backend", process.env.TORCHLAB_BACKEND || "wasm");
const DIST = process.env.TORCHLAB_DIST ? path.resolve(process.env.TORCHLAB_DIST) : path.join(__dirname, "..", "dist");

/** Wraps the backend's kernels with a counter; returns a function that reads and resets the counts. */
function installCounter(tf) {
  let counts = new Map();
  for (const config of tf.getKernelsForBackend(tf.getBackend())) {
    const run = config.kernelFunc;
    config.kernelFunc = (args) => {
      counts.set(config.kernelName, (counts.get(config.kernelName) || 0) + 1);
      return run(args);
    };
  }
  return () => {
    const c = counts;
    counts = new Map();
    return c;
  };
}

/** Kernel calls of one step of each model (after two warm-up steps), torchlab and raw tfjs. */
async function kernelCounts(torch, tf) {
  const { models, INFERENCE_ONLY } = require("./models");
  const { tfjsModels } = require("./tfjs_models");
  const take = installCounter(tf);
  const specs = models(torch);
  const raw = tfjsModels(tf);
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  const out = {};
  for (const key of Object.keys(specs)) {
    if (INFERENCE_ONLY.has(key)) continue;
    const spec = specs[key]();
    // Only training steps are counted (an inference-only entry has no optimizer).
    if (!spec.opt) continue;
    const lossFn = spec.target ? new torch.nn.MSELoss() : new torch.nn.CrossEntropyLoss();
    const x = torch.randn(...spec.input);
    const y = spec.target ? torch.randn(...spec.target) : torch.randint(0, spec.classes, [spec.input[0]]);
    const phases = {};
    const step = () => {
      spec.opt.zero_grad();
      const loss = lossFn(spec.model(x), y);
      phases.forward = take();
      loss.backward();
      phases.backward = take();
      spec.opt.step();
      phases.optimizer = take();
      loss.item();
    };
    for (let i = 0; i < 3; i++) {
      step();
      await tick();
    }
    take();
    step();
    const t = raw[key] ? raw[key]() : null;
    let tfjs = null;
    if (t) {
      t.step();
      take();
      t.step();
      tfjs = [...take().values()].reduce((a, b) => a + b, 0);
    }
    const total = (m) => [...m.values()].reduce((a, b) => a + b, 0);
    const merged = new Map();
    for (const m of Object.values(phases)) for (const [k, v] of m) merged.set(k, (merged.get(k) || 0) + v);
    out[key] = { torchlab: total(merged), forward: total(phases.forward), backward: total(phases.backward), optimizer: total(phases.optimizer), tfjs, byKernel: Object.fromEntries([...merged].sort((a, b) => b[1] - a[1])) };
  }
  return out;
}

async function main() {
  const { torch } = require(path.join(DIST, "src"));
  const tf = require("@tensorflow/tfjs-core");
  await torch.ready();
  const counts = await kernelCounts(torch, tf);
  console.log(`# kernel calls per training step, ${torch.backend()}`);
  console.log("model     torchlab  (forward backward optimizer)  raw tfjs");
  for (const [key, c] of Object.entries(counts)) {
    console.log(`${key.padEnd(9)} ${String(c.torchlab).padStart(8)}  (${c.forward} ${c.backward} ${c.optimizer})${" ".repeat(Math.max(1, 20 - `${c.forward} ${c.backward} ${c.optimizer}`.length))}${c.tfjs === null ? "-" : c.tfjs}`);
    if (process.argv.includes("--by-kernel")) console.log("   ", Object.entries(c.byKernel).map(([k, v]) => `${k} ${v}`).join(", "));
  }
}

module.exports = { kernelCounts };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
