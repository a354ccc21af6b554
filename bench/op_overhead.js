#!/usr/bin/env node
/**
 * Per-op cost of torchlab against the same ops written in raw tfjs (each output disposed at once), on
 * bench/run.js's matmul and elementwise-chain workloads and their small (16x16) twins, with the counts
 * that explain a difference: per iteration, process CPU ms, tfjs kernels dispatched, tensors made,
 * bytes the kernels wrote, tidy scopes opened, and V8's collections (count and pause ms, minor and
 * major, from perf_hooks). Rounds alternate the two sides; each figure is the median round.
 *
 *   node bench/op_overhead.js [--work matmul,chain,chain16,matmul16] [--rounds N] [--iters N]
 *   node bench/op_overhead.js --dists /work/main/dist,dist [--pairs N]
 *       alternates child processes of two builds (A B A B ...), N pairs, and prints both
 *   node bench/op_overhead.js --profile chain16 [--side torchlab|tfjs] [--iters 10000] [--out F]
 *       one side of one workload, its loop profiled (a .cpuprofile for DevTools or a script)
 *
 * One wasm thread unless OMP_NUM_THREADS says otherwise: process CPU time then counts one thread's work.
 */
"use strict";
const path = require("path");
const { execFileSync } = require("child_process");

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
process.env.TORCHLAB_BACKEND = arg("--backend", process.env.TORCHLAB_BACKEND || "wasm");
process.env.OMP_NUM_THREADS ??= "1";
const DIST = process.env.TORCHLAB_DIST ? path.resolve(process.env.TORCHLAB_DIST) : path.join(__dirname, "..", "dist");
const WORK = arg("--work", "matmul,chain,chain16,matmul16").split(",");
const ROUNDS = Number(arg("--rounds", 7));
const ITERS = Number(arg("--iters", 0));

const { cpuMs } = require("./kernel_clock");
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** The counters: kernels, tensors, bytes written by kernels, scopes; V8's collections from perf_hooks. */
function counters(tf) {
  const engine = tf.engine();
  const backend = tf.backend();
  const c = { kernels: 0, bytes: 0, scopes: 0, gcMinor: 0, gcMajor: 0, gcMs: 0 };
  for (const config of tf.getKernelsForBackend(tf.getBackend())) {
    const run = config.kernelFunc;
    config.kernelFunc = (a) => {
      c.kernels++;
      return run(a);
    };
  }
  const makeOutput = backend.makeOutput?.bind(backend);
  if (makeOutput) {
    backend.makeOutput = (shape, dtype, offset, values) => {
      c.bytes += shape.reduce((n, d) => n * d, 1) * (dtype === "bool" ? 1 : 4);
      return makeOutput(shape, dtype, offset, values);
    };
  }
  const startScope = engine.startScope.bind(engine);
  engine.startScope = (name) => {
    c.scopes++;
    return startScope(name);
  };
  const { PerformanceObserver, constants } = require("perf_hooks");
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = e.detail?.kind ?? e.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) c.gcMajor++;
      else c.gcMinor++;
      c.gcMs += e.duration;
    }
  }).observe({ entryTypes: ["gc"] });
  c.tensors = () => engine.constructor.nextTensorId;
  return c;
}

function workloads(torch, tf) {
  torch.manual_seed(0);
  const out = {};
  for (const n of [256, 16]) {
    const a = torch.randn(n, n);
    const b = torch.randn(n, n);
    const x = torch.randn(n, n);
    const ta = tf.randomNormal([n, n]);
    const tb = tf.randomNormal([n, n]);
    const tx = tf.randomNormal([n, n]);
    const tag = n === 256 ? "" : String(n);
    out[`matmul${tag}`] = {
      iters: n === 256 ? 40 : 400,
      torchlab: () => a.matmul(b).dataSync(),
      tfjs: () => {
        const y = tf.matMul(ta, tb);
        y.dataSync();
        y.dispose();
      },
    };
    out[`chain${tag}`] = {
      iters: n === 256 ? 20 : 200,
      torchlab: () => x.mul(2).add(1).tanh().sigmoid().exp().sub(0.5).dataSync(),
      tfjs: () => {
        const y = tf.tidy(() => tf.sub(tf.exp(tf.sigmoid(tf.tanh(tf.add(tf.mul(tx, 2), 1)))), 0.5));
        y.dataSync();
        y.dispose();
      },
    };
  }
  return out;
}

async function child() {
  const { torch } = require(path.join(DIST, "src"));
  const tf = require(require.resolve("@tensorflow/tfjs-core", { paths: [DIST] }));
  await torch.ready();
  const all = workloads(torch, tf);
  const prof = arg("--profile", null);
  if (prof !== null) {
    // The loop alone is profiled (inspector's profiler, started after a warm-up), not the start-up.
    const w = all[prof];
    const n = ITERS || 10000;
    const side = arg("--side", "torchlab");
    for (let i = 0; i < n / 10; i++) w[side]();
    const session = new (require("inspector").Session)();
    session.connect();
    const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
    await post("Profiler.enable");
    await post("Profiler.setSamplingInterval", { interval: 100 });
    await post("Profiler.start");
    const t0 = cpuMs();
    for (let i = 0; i < n; i++) w[side]();
    const ms = cpuMs() - t0;
    const { profile } = await post("Profiler.stop");
    const file = arg("--out", `${prof}_${side}.cpuprofile`);
    require("fs").writeFileSync(file, JSON.stringify(profile));
    console.log(`${prof}: ${side} ${(ms / n).toFixed(4)} ms CPU per iteration over ${n}; profile in ${file}`);
    return;
  }
  const c = counters(tf);
  const result = {};
  for (const name of WORK) {
    const w = all[name];
    const iters = ITERS || w.iters;
    for (const side of ["torchlab", "tfjs"]) for (let i = 0; i < iters; i++) w[side]();
    const rows = { torchlab: [], tfjs: [] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const side of r % 2 === 0 ? ["torchlab", "tfjs"] : ["tfjs", "torchlab"]) {
        await tick();
        const before = { ...c, tensors: c.tensors() };
        const t0 = cpuMs();
        for (let i = 0; i < iters; i++) w[side]();
        const ms = cpuMs() - t0;
        const t1 = c.tensors();
        await tick(); // perf_hooks delivers the round's GC entries on the event loop
        await tick();
        const per = (k) => (c[k] - before[k]) / iters;
        rows[side].push({ ms: ms / iters, kernels: per("kernels"), tensors: (t1 - before.tensors) / iters, bytes: per("bytes"), scopes: per("scopes"), gcMinor: per("gcMinor"), gcMajor: per("gcMajor"), gcMs: per("gcMs") });
      }
    }
    result[name] = {};
    for (const side of ["torchlab", "tfjs"]) {
      result[name][side] = {};
      for (const k of Object.keys(rows[side][0])) result[name][side][k] = median(rows[side].map((row) => row[k]));
      result[name][side].fastest = Math.min(...rows[side].map((row) => row.ms));
    }
  }
  return result;
}

function printTable(label, result) {
  console.log(`\n${label}`);
  console.log("workload  side      CPU ms  fastest  kernels  tensors   KB/iter  scopes  minor GC  major GC  GC ms");
  for (const [name, sides] of Object.entries(result)) {
    for (const [side, r] of Object.entries(sides)) {
      console.log(
        `${name.padEnd(9)} ${side.padEnd(8)} ${r.ms.toFixed(4).padStart(7)} ${r.fastest.toFixed(4).padStart(8)} ${r.kernels.toFixed(1).padStart(8)} ${r.tensors.toFixed(1).padStart(8)} ${(r.bytes / 1024).toFixed(1).padStart(9)} ${r.scopes.toFixed(1).padStart(7)} ${r.gcMinor.toFixed(3).padStart(9)} ${r.gcMajor.toFixed(4).padStart(9)} ${r.gcMs.toFixed(3).padStart(6)}`,
      );
    }
    console.log(`${"".padEnd(9)} torchlab/tfjs ${(sides.torchlab.ms / sides.tfjs.ms).toFixed(3)}x median, ${(sides.torchlab.fastest / sides.tfjs.fastest).toFixed(3)}x fastest`);
  }
}

async function main() {
  const dists = arg("--dists", null);
  if (dists === null) {
    const result = await child();
    if (result === undefined) return;
    if (process.argv.includes("--json")) console.log(JSON.stringify(result));
    else printTable(`${DIST}: process CPU per iteration, median of ${ROUNDS} alternated rounds (OMP_NUM_THREADS=${process.env.OMP_NUM_THREADS}); load ${require("os").loadavg()[0].toFixed(1)}`, result);
    return;
  }
  // Builds alternated in child processes; each figure is the median over the pairs of each child's median.
  const builds = dists.split(",").map((d) => path.resolve(d));
  const pairs = Number(arg("--pairs", 4));
  const runs = builds.map(() => []);
  const passOn = process.argv.slice(2).filter((a, i, all) => a !== "--dists" && all[i - 1] !== "--dists" && a !== "--pairs" && all[i - 1] !== "--pairs");
  for (let p = 0; p < pairs; p++) {
    const order = p % 2 === 0 ? builds.map((_, i) => i) : builds.map((_, i) => builds.length - 1 - i);
    for (const i of order) {
      const out = execFileSync(process.execPath, [__filename, ...passOn, "--json"], { env: { ...process.env, TORCHLAB_DIST: builds[i] }, encoding: "utf8" });
      runs[i].push(JSON.parse(out.trim().split("\n").pop()));
    }
  }
  builds.forEach((b, i) => {
    const merged = {};
    for (const name of Object.keys(runs[i][0])) {
      merged[name] = {};
      for (const side of ["torchlab", "tfjs"]) {
        merged[name][side] = {};
        for (const k of Object.keys(runs[i][0][name][side])) merged[name][side][k] = (k === "fastest" ? Math.min : (...xs) => median(xs))(...runs[i].map((r) => r[name][side][k]));
      }
    }
    printTable(`${b}: median over ${pairs} alternated processes of each one's median round (${ROUNDS} rounds); load ${require("os").loadavg()[0].toFixed(1)}`, merged);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
