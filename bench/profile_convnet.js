#!/usr/bin/env node
/**
 * Where a training step of one of the course's models spends its time, kernel by kernel.
 *
 *   npm run build && node bench/profile_convnet.js [--iters N] [--backend wasm|cpu] [--model net|resblock|blitz|resnet18] [--infer]
 *
 * Models: bench/models.js (default: the tutorial's Net at batch 64). OMP_NUM_THREADS sets the wasm
 * backend's threads; process CPU time then counts all of them.
 * Wraps every kernel registered for the backend with a timer (process CPU time, which stays steady
 * on a machine shared with other work), runs N training steps at batch 64 with a yield to the event
 * loop between steps (as a DataLoader loop does, so finalizers free the previous step's tensors), and
 * prints the step's forward / backward / optimizer split and the kernels by total time per step,
 * keyed by kernel name and input shapes, with each kernel's fastest call (the load inflates the mean
 * more than the fastest) and, for the NCHW conv kernels, the GFLOP/s of that call. `--infer` profiles
 * an inference pass instead (eval mode, no_grad; resnet18 is inference only and needs the build's
 * torchvision). TORCHLAB_DIST=<dir> profiles another build.
 */
"use strict";
const path = require("path");

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const ITERS = Number(arg("--iters", 20));
process.env.TORCHLAB_BACKEND = arg("--backend", process.env.TORCHLAB_BACKEND || "wasm");
const DIST = process.env.TORCHLAB_DIST ? path.resolve(process.env.TORCHLAB_DIST) : path.join(__dirname, "..", "dist");

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};

/** 2 x the multiply-adds of one of js_kernels.ts's NCHW conv kernels (0 for any other kernel). */
function convFlop(name, args) {
  const a = args.attrs || {};
  const outs = a.out ? a.out[0] * a.out[1] : 0;
  const { x, w, dy } = args.inputs;
  if (name === "TorchlabConv2d") return 2 * x.shape[0] * w.shape.reduce((p, v) => p * v, 1) * outs;
  if (name === "TorchlabConv2dInputGrad") return 2 * dy.shape[0] * w.shape.reduce((p, v) => p * v, 1) * outs;
  if (name === "TorchlabConv2dWeightGrad") return 2 * x.shape[0] * x.shape[1] * dy.shape[1] * a.kernel[0] * a.kernel[1] * outs;
  return 0;
}

async function main() {
  const { torch, torchvision } = require(path.join(DIST, "src"));
  const tf = require("@tensorflow/tfjs-core");
  await torch.ready();
  const nn = torch.nn;
  torch.manual_seed(0);
  const { models } = require("./models");
  const spec = models(torch, torchvision)[arg("--model", "net")]();
  const { model, opt } = spec;
  const infer = process.argv.includes("--infer") || !opt;
  const lossFn = spec.target ? new nn.MSELoss() : new nn.CrossEntropyLoss();
  const x = torch.randn(...spec.input);
  const y = infer ? null : spec.target ? torch.randn(...spec.target) : torch.randint(0, spec.classes, [spec.input[0]]);
  const phases = { forward: 0, backward: 0, step: 0 };
  const inferStep = () => {
    const t0 = cpuMs();
    torch.no_grad(() => model(x)).dataSync();
    phases.forward += cpuMs() - t0;
  };
  const trainStep = () => {
    if (infer) return inferStep();
    const t0 = cpuMs();
    opt.zero_grad();
    const loss = lossFn(model(x), y);
    loss.item();
    const t1 = cpuMs();
    loss.backward();
    const t2 = cpuMs();
    opt.step();
    for (const p of model.parameters()) p.dataSync();
    phases.forward += t1 - t0;
    phases.backward += t2 - t1;
    phases.step += cpuMs() - t2;
  };
  if (infer) model.eval();
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < 3; i++) {
    trainStep();
    await tick();
  }
  phases.forward = phases.backward = phases.step = 0;

  const kernels = new Map();
  for (const config of tf.getKernelsForBackend(tf.getBackend())) {
    const run = config.kernelFunc;
    config.kernelFunc = (args) => {
      const t0 = cpuMs();
      const out = run(args);
      const dt = cpuMs() - t0;
      const shapes = Object.values(args.inputs).map((t) => (t && t.shape ? `[${t.shape.join(",")}]` : "-")).join(" ");
      const key = `${config.kernelName} ${shapes}`;
      const k = kernels.get(key) || { calls: 0, ms: 0, fastest: Infinity, flop: convFlop(config.kernelName, args) };
      k.calls++;
      k.ms += dt;
      k.fastest = Math.min(k.fastest, dt);
      kernels.set(key, k);
      return out;
    };
  }
  let total = 0;
  for (let i = 0; i < ITERS; i++) {
    const t0 = cpuMs();
    trainStep();
    total += cpuMs() - t0;
    await tick();
  }
  const per = (v) => (v / ITERS).toFixed(2);
  const rate = (k) => (k.flop > 0 ? `${(k.flop / k.fastest / 1e6).toFixed(1).padStart(6)}` : "     -");
  const rows = [...kernels.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const kernelTotal = rows.reduce((s, [, k]) => s + k.ms, 0);
  console.log(`# ${torch.backend()}`);
  console.log(`step ${per(total)} ms CPU (forward ${per(phases.forward)}, backward ${per(phases.backward)}, optimizer ${per(phases.step)}); kernels ${per(kernelTotal)} ms`);
  console.log("  ms/step  calls  fastest  GFLOP/s  kernel [input shapes]   (fastest: one call's ms; GFLOP/s at it, conv kernels)");
  for (const [key, k] of rows.slice(0, 40)) console.log(`${per(k.ms).padStart(9)}  ${String(k.calls / ITERS).padStart(5)}  ${k.fastest.toFixed(2).padStart(7)}  ${rate(k)}   ${key}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
