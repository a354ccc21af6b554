#!/usr/bin/env node
/**
 * Overhead of torchlab over raw TensorFlow.js, and distance to PyTorch on the CPU.
 *
 *   npm run build && node bench/run.js [--iters N] [--backend wasm|cpu] [--clock wall|cpu] [--rounds R]
 *                                      [--threads N] [--markdown] [--no-kernel-start] [--kernel-start-only]
 *
 * Runs each workload on the wasm and cpu backends (one child process per backend, as the backend is
 * chosen once per process) through torchlab and through tfjs directly, and through PyTorch with
 * Debian's /usr/bin/python3 when it has torch, with PyTorch's thread count set to the backend's.
 * Prints milliseconds per iteration, the ratios, the threads used, the achieved GFLOP/s and, for the
 * course's models, the backend kernel calls per training step (torchlab and raw tfjs).
 * Workloads: a matmul, an elementwise chain, an MLP step, and the course's models (bench/models.js,
 * bench/tfjs_models.js, bench/torch_bench.py): the tutorial's Net (training step and inference), its
 * ResNet block, the small net of PyTorch's "training a classifier" tutorial at batch 4, and
 * torchvision.models.resnet18's inference at batch 1 on 224x224 (wasm only; no tfjs twin). Then the
 * kernel's start (bench/kernel_start.js, two starts each with and without its startup snapshot).
 * torchlab and tfjs run alternately, `--rounds` times each (default 3), and the median round counts.
 * Timings only: nothing here asserts, and numbers vary with machine load; on a shared machine
 * `--clock cpu` (process CPU time, all threads) is far steadier than wall time. TORCHLAB_DIST=<dir>
 * benchmarks another build (e.g. an older commit compiled with `tsc --outDir <dir>`).
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ITERS = Number(process.argv[process.argv.indexOf("--iters") + 1]) || 50;
const ROUNDS = Number(process.argv[process.argv.indexOf("--rounds") + 1]) || 3;
const MARKDOWN = process.argv.includes("--markdown");
// --threads n: the thread count of the wasm backend (through OMP_NUM_THREADS, torchlab's default) and of PyTorch.
const THREADS = process.argv.includes("--threads") ? process.argv[process.argv.indexOf("--threads") + 1] : null;
const ROOT = path.join(__dirname, "..");
// TORCHLAB_DIST points at another build (e.g. of an older commit) to compare against in one run.
const DIST = process.env.TORCHLAB_DIST ? path.resolve(process.env.TORCHLAB_DIST) : path.join(ROOT, "dist");

// --clock cpu measures the process's CPU time instead of wall time: on a machine shared with other
// work, time spent descheduled would otherwise dominate the differences being measured.
const CPU_CLOCK = process.argv.includes("--clock") && process.argv[process.argv.indexOf("--clock") + 1] === "cpu";

function now() {
  if (!CPU_CLOCK) return Number(process.hrtime.bigint()) / 1e6;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
}

function time(fn, iters, warmup = Math.max(3, iters / 10)) {
  for (let i = 0; i < warmup; i++) fn();
  const t0 = now();
  for (let i = 0; i < iters; i++) fn();
  return (now() - t0) / iters;
}

/**
 * As time(), but yielding to the event loop after each iteration, as a training loop over a
 * DataLoader does: torchlab frees tensors from FinalizationRegistry callbacks, which run between
 * macrotasks, so a tight synchronous loop would keep every step's memory (and touch fresh pages).
 * The yields and the freeing they allow are part of the measured time.
 */
async function timeYielding(fn, iters, warmup = Math.max(3, iters / 10)) {
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < warmup; i++) {
    fn();
    await tick();
  }
  const t0 = now();
  for (let i = 0; i < iters; i++) {
    fn();
    await tick();
  }
  return (now() - t0) / iters;
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * torchlab and tfjs alternately, `rounds` times each after a warm-up; the median round of each.
 * (The cpu backend's steps take seconds: one round there.)
 */
async function pairTimed(tl, tfjs, iters, yielding = true, rounds = ROUNDS) {
  const per = Math.max(1, Math.ceil(iters / rounds));
  const run = (fn, warmup) => (yielding ? timeYielding(fn, per, warmup) : Promise.resolve(time(fn, per, warmup)));
  await run(tl, 2);
  await run(tfjs, 2);
  const a = [];
  const b = [];
  for (let r = 0; r < rounds; r++) {
    a.push(await run(tl, 0));
    b.push(await run(tfjs, 0));
  }
  return { torchlab: median(a), tfjs: median(b) };
}

async function child(backend) {
  process.env.TORCHLAB_BACKEND = backend;
  const { torch } = require(path.join(DIST, "src"));
  const tf = require("@tensorflow/tfjs-core");
  await torch.ready();
  const iters = backend === "cpu" ? Math.max(5, Math.floor(ITERS / 5)) : ITERS;
  const results = {};

  torch.manual_seed(0);
  const a = torch.randn(256, 256);
  const b = torch.randn(256, 256);
  const ta = tf.randomNormal([256, 256]);
  const tb = tf.randomNormal([256, 256]);
  results["matmul 256x256"] = await pairTimed(() => a.matmul(b).dataSync(), () => {
    const y = tf.matMul(ta, tb);
    y.dataSync();
    y.dispose();
  }, iters, false);
  results["matmul 256x256"].flops = 2 * 256 ** 3;

  const x = torch.randn(256, 256);
  const tx = tf.randomNormal([256, 256]);
  results["elementwise chain (6 ops, 256x256)"] = await pairTimed(() => x.mul(2).add(1).tanh().sigmoid().exp().sub(0.5).dataSync(), () => {
    const y = tf.tidy(() => tf.sub(tf.exp(tf.sigmoid(tf.tanh(tf.add(tf.mul(tx, 2), 1)))), 0.5));
    y.dataSync();
    y.dispose();
  }, iters, false);
  // One floating-point operation per element per op (the transcendental ones counted as one too).
  results["elementwise chain (6 ops, 256x256)"].flops = 6 * 256 * 256;

  const xb = torch.randn(64, 784);
  const w1 = torch.randn(784, 128).mul(0.03).requires_grad_();
  const w2 = torch.randn(128, 10).mul(0.1).requires_grad_();
  const txb = tf.randomNormal([64, 784]);
  const tw1 = tf.variable(tf.mul(tf.randomNormal([784, 128]), 0.03));
  const tw2 = tf.variable(tf.mul(tf.randomNormal([128, 10]), 0.1));
  results["MLP step 64x784-128-10 (fwd+bwd+SGD)"] = await pairTimed(() => {
      const loss = xb.matmul(w1).relu().matmul(w2).log_softmax(1).mean().neg();
      loss.backward();
      torch.no_grad(() => {
        w1.sub_(w1.grad.mul(0.01));
        w2.sub_(w2.grad.mul(0.01));
      });
      w1.grad.zero_();
      w2.grad.zero_();
      loss.item();
    },
    // Hand-written backward in tfjs ops: the least work any tfjs program can do for this step.
    () => {
      const loss = tf.tidy(() => {
        const pre = tf.matMul(txb, tw1);
        const h = tf.relu(pre);
        const z = tf.matMul(h, tw2);
        const ls = tf.logSoftmax(z, 1);
        const n = ls.size;
        const dz = tf.sub(tf.mul(tf.softmax(z, 1), z.shape[1] / n), 1 / n);
        const dw2 = tf.matMul(h, dz, true, false);
        const dpre = tf.mul(tf.matMul(dz, tw2, false, true), tf.cast(tf.greater(pre, 0), "float32"));
        const dw1 = tf.matMul(txb, dpre, true, false);
        tw1.assign(tf.sub(tw1, tf.mul(dw1, 0.01)));
        tw2.assign(tf.sub(tw2, tf.mul(dw2, 0.01)));
        return tf.neg(tf.mean(ls));
      });
      loss.dataSync();
      loss.dispose();
    }, iters, false);
  // Forward, both weight gradients and the hidden layer's input gradient (multiply + add counted as 2).
  results["MLP step 64x784-128-10 (fwd+bwd+SGD)"].flops = 2 * 64 * 784 * 128 * 2 + 2 * 64 * 128 * 10 * 3;
  Object.assign(results, await courseModels(torch, tf, backend === "cpu" ? 2 : Math.max(6, Math.floor(ITERS / 4)), backend === "cpu" ? 1 : ROUNDS));
  // A forward of resnet18 at 224x224 takes seconds on the pure-JavaScript backend: wasm only.
  if (backend !== "cpu") Object.assign(results, await resnet18Inference(torch, Math.max(6, Math.floor(ITERS / 4)), ROUNDS));
  const reclaim = reclaimCost(torch, backend === "cpu" ? Math.max(10, ITERS / 2) : Math.max(50, 4 * ITERS));
  await addKernelCounts(torch, tf, results);
  process.stdout.write(JSON.stringify({ backend: torch.backend(), threads: torch.get_num_threads(), results, reclaim }));
}

/**
 * The course's models (bench/models.js) through torchlab, and the same models written directly in
 * tfjs (bench/tfjs_models.js): a training step each, and the Net's inference in eval mode.
 */
async function courseModels(torch, tf, iters, rounds) {
  const { models } = require("./models");
  const { tfjsModels } = require("./tfjs_models");
  const specs = models(torch);
  const raw = tfjsModels(tf);
  const results = {};
  const names = MODEL_ROWS;
  for (const key of ["net", "resblock", "blitz"]) {
    const spec = specs[key]();
    const lossFn = spec.target ? new torch.nn.MSELoss() : new torch.nn.CrossEntropyLoss();
    const x = torch.randn(...spec.input);
    const y = spec.target ? torch.randn(...spec.target) : torch.randint(0, spec.classes, [spec.input[0]]);
    const step = () => {
      spec.opt.zero_grad();
      const loss = lossFn(spec.model(x), y);
      loss.backward();
      spec.opt.step();
      loss.item();
    };
    const t = raw[key]();
    // The small net's step is a few milliseconds: more of them for the same measuring time.
    const n = key === "blitz" ? iters * 4 : iters;
    results[names[key]] = { ...(await pairTimed(step, t.step, n, true, rounds)), flops: spec.flops.step };
    if (key === "net") {
      spec.model.eval();
      const infer = () => torch.no_grad(() => spec.model(x).dataSync());
      results["tutorial Net inference, batch 64 (eval, no_grad)"] = { ...(await pairTimed(infer, t.infer, n, true, rounds)), flops: spec.flops.infer };
    }
  }
  return results;
}

const MODEL_ROWS = { net: "tutorial Net train step, batch 64 (SGD)", resblock: "ResNet block 16->32 train step, 32x32 batch 32", blitz: "blitz classifier train step, batch 4" };

/**
 * Backend kernel calls per training step of each course model, torchlab and raw tfjs
 * (bench/kernel_counts.js): a figure that does not move with machine load. Run after the timings,
 * since it wraps every kernel with a counter.
 */
async function addKernelCounts(torch, tf, results) {
  const { kernelCounts } = require("./kernel_counts");
  const counts = await kernelCounts(torch, tf);
  for (const [key, c] of Object.entries(counts)) {
    const row = results[MODEL_ROWS[key]];
    if (row) row.kernels = { torchlab: c.torchlab, tfjs: c.tfjs };
  }
}

/**
 * torchvision.models.resnet18 (bench/models.js) in eval mode under no_grad at batch 1 on a 224x224
 * image, the usual pretrained-inference call. No hand-written tfjs twin: that column stays empty.
 */
async function resnet18Inference(torch, iters, rounds) {
  const { models } = require("./models");
  const { torchvision } = require(path.join(DIST, "src"));
  const spec = models(torch, torchvision).resnet18();
  const x = torch.randn(...spec.input);
  const infer = () => torch.no_grad(() => spec.model(x).dataSync());
  await timeYielding(infer, 2, 2);
  const times = [];
  for (let r = 0; r < rounds; r++) times.push(await timeYielding(infer, Math.max(1, Math.ceil(iters / rounds)), 0));
  return { "resnet18 inference, batch 1, 224x224 (eval, no_grad)": { torchlab: median(times), tfjs: null, flops: spec.flops.infer } };
}

/**
 * What freeing memory inside a synchronous loop costs: the tutorial's conv net trained for `steps`
 * steps in a plain function (no yielding, the default byte budget), with the time spent in forced
 * GCs + FinalizationRegistry.cleanupSome (src/backend/memory.ts) as a share of the loop's time.
 */
function reclaimCost(torch, steps) {
  const { reclaimStats } = require(path.join(DIST, "src/backend/memory"));
  if (typeof reclaimStats !== "function") return null; // a TORCHLAB_DIST build from before it existed
  const nn = torch.nn;
  torch.manual_seed(0);
  const model = new nn.Sequential(
    new nn.Conv2d(1, 16, 3, { padding: 1 }), new nn.BatchNorm2d(16), new nn.ReLU(), new nn.MaxPool2d(2),
    new nn.Conv2d(16, 32, 3, { padding: 1 }), new nn.BatchNorm2d(32), new nn.ReLU(), new nn.MaxPool2d(2),
    new nn.Flatten(), new nn.Linear(32 * 7 * 7, 10));
  const opt = new torch.optim.Adam(model.parameters(), { lr: 1e-3 });
  const train = (n) => {
    for (let i = 0; i < n; i++) {
      const loss = nn.functional.cross_entropy(model(torch.randn(64, 1, 28, 28)), torch.randint(0, 10, [64]));
      opt.zero_grad();
      loss.backward();
      opt.step();
    }
  };
  train(3);
  const before = reclaimStats();
  const t0 = Number(process.hrtime.bigint()) / 1e6;
  train(steps);
  const total = Number(process.hrtime.bigint()) / 1e6 - t0;
  const after = reclaimStats();
  return { steps, totalMs: total, reclaimMs: after.ms - before.ms, reclaims: after.count - before.count, peakBytes: torch.memory().numBytes };
}

/** PyTorch's timings with `threads` intra-op threads, or null without /usr/bin/python3 + torch. */
function pytorch(threads) {
  const py = "/usr/bin/python3";
  if (!fs.existsSync(py)) return null;
  const r = spawnSync(py, [path.join(__dirname, "torch_bench.py"), String(ITERS), CPU_CLOCK ? "cpu" : "wall", String(threads), String(ROUNDS)], { encoding: "utf8" });
  if (r.status !== 0) return null;
  return JSON.parse(r.stdout);
}

function main() {
  if (!fs.existsSync(path.join(DIST, "src/index.js"))) {
    console.error("bench/run.js needs the build: npm run build && node bench/run.js");
    process.exit(1);
  }
  const runs = [];
  const only = process.argv.indexOf("--backend");
  for (const backend of only > 0 ? [process.argv[only + 1]] : ["wasm", "cpu"]) {
    const args = [__filename, "--child", backend, "--iters", String(ITERS), "--rounds", String(ROUNDS), ...(CPU_CLOCK ? ["--clock", "cpu"] : [])];
    const env = THREADS ? { ...process.env, OMP_NUM_THREADS: THREADS } : { ...process.env };
    const r = spawnSync(process.execPath, args, { encoding: "utf8", env, maxBuffer: 1 << 24 });
    if (r.status !== 0) {
      console.error(`${backend}: failed\n${r.stderr.slice(-2000)}`);
      continue;
    }
    const run = JSON.parse(r.stdout);
    run.torch = pytorch(run.threads);
    runs.push(run);
  }
  const header = ["workload", "backend", "threads", "torchlab ms", "tfjs ms", "torchlab/tfjs", "PyTorch ms", "torchlab/PyTorch", "torchlab GFLOP/s", "PyTorch GFLOP/s", "kernels/step (tfjs)"];
  const rows = [];
  for (const run of runs) {
    const name = run.backend.split(" ")[0];
    for (const [work, t] of Object.entries(run.results)) {
      const p = run.torch && run.torch.results[work];
      // Two significant digits below 1 GFLOP/s (the elementwise chain), one decimal above.
      const rate = (ms) => { const g = t.flops / ms / 1e6; return g < 1 ? g.toPrecision(2) : g.toFixed(1); };
      const gflops = t.flops ? rate(t.torchlab) : "-";
      const pgflops = t.flops && p ? rate(p) : "-";
      const raw = t.tfjs === null || t.tfjs === undefined;
      const kernels = t.kernels ? `${t.kernels.torchlab} (${t.kernels.tfjs ?? "-"})` : "-";
      rows.push([work, name, String(run.threads), t.torchlab.toFixed(2), raw ? "-" : t.tfjs.toFixed(2), raw ? "-" : (t.torchlab / t.tfjs).toFixed(2) + "x", p ? p.toFixed(2) : "-", p ? (t.torchlab / p).toFixed(2) + "x" : "-", gflops, pgflops, kernels]);
    }
  }
  const clock = CPU_CLOCK ? "process CPU time (all threads)" : "wall time";
  const spread = (t) => Object.entries(t.spread || {}).map(([k, [lo, mid, hi]]) => `${k.split(",")[0]} ${lo}/${mid}/${hi}`).join("; ");
  const notes = runs.map((run) => `${run.backend}; PyTorch ${run.torch ? `${run.torch.version} with ${run.torch.threads} thread(s), load average ${(run.torch.load || []).join(" -> ")} while it ran; its fastest/median/slowest round (ms): ${spread(run.torch)}` : "not found (/usr/bin/python3 with torch), column skipped"}`);
  if (MARKDOWN) {
    console.log(`| ${header.join(" | ")} |`);
    console.log(`| ${header.map((_, i) => (i < 2 ? "---" : "---:")).join(" | ")} |`);
    for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    console.log("");
    for (const n of notes) console.log(`- ${n}`);
    console.log(`- ${clock} per iteration, median of ${ROUNDS} alternating rounds (the cpu backend's models: 1 round)`);
    kernelStart();
    return;
  }
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  for (const [i, r] of all.entries()) {
    console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
  console.log(`# load average at the end: ${require("os").loadavg().map((v) => v.toFixed(2)).join(" ")} on ${require("os").cpus().length} cores (${require("os").cpus()[0].model})`);
  for (const { backend, reclaim: r } of runs.filter((run) => run.reclaim)) {
    console.log(`# ${backend.split(" ")[0]}: ${r.steps} synchronous conv-net steps (batch 64) in a function: ${r.reclaims} reclaims took ` +
      `${r.reclaimMs.toFixed(0)} of ${r.totalMs.toFixed(0)} ms wall (${((100 * r.reclaimMs) / r.totalMs).toFixed(1)}% of a training step)`);
  }
  for (const n of notes) console.log(`# ${n}`);
  console.log(`# ${clock} per iteration, median of ${ROUNDS} alternating rounds (the cpu backend's models: 1 round)`);
  kernelStart();
}

/** The kernel-start rows (bench/kernel_start.js): skipped with --no-kernel-start. */
function kernelStart() {
  if (process.argv.includes("--no-kernel-start")) return;
  console.log("");
  const r = spawnSync(process.execPath, [path.join(__dirname, "kernel_start.js"), "--starts", "2"], { encoding: "utf8", stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) console.error("kernel start: failed");
}

if (process.argv[2] === "--child") {
  child(process.argv[3]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else if (process.argv.includes("--kernel-start-only")) kernelStart();
else main();
