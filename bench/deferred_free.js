#!/usr/bin/env node
/**
 * Where the matmul and elementwise-chain rows of bench/run.js lose time against raw tfjs. Both sides
 * run the same kernels (one BatchMatMul; Multiply, Add, Tanh, Sigmoid, Exp, Sub) and read the result
 * back the same way; what differs is when the outputs are freed: the tfjs program disposes each
 * iteration's tensors at once, so the next iteration reuses the same (cached, already mapped) wasm
 * heap bytes, while a torchlab user never calls dispose and the outputs are freed only when the
 * collector finds their wrappers (src/backend/memory.ts: a reclaim per byte budget in a synchronous
 * loop). This times, in process CPU (all threads), per iteration:
 *
 *   tfjs, disposed at once      the bench's raw tfjs side
 *   tfjs, disposed every K      the same program keeping K iterations' outputs before disposing them
 *   torchlab                    the bench's torchlab side (synchronous loop, as bench/run.js times it)
 *
 * and splits each into the time inside backend kernels and around them (torchlab's or tfjs's own
 * JavaScript, dispatch, the read-back), as bench/overhead_split.js does for the blitz step, with the
 * reclaims torchlab ran and the wasm heap's size, and the in-kernel time by kernel. If "disposed every
 * K" costs raw tfjs what torchlab pays, and the same kernel on the same sizes takes longer on the side
 * whose outputs land in memory freed long ago, the gap is memory reuse, not per-op JavaScript.
 *
 *   node bench/deferred_free.js [--rounds N] [--iters N] [--keep K]    (wasm; OMP_NUM_THREADS=1 steadies CPU time)
 */
"use strict";
const path = require("path");

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
process.env.TORCHLAB_BACKEND = "wasm";
const DIST = process.env.TORCHLAB_DIST ? path.resolve(process.env.TORCHLAB_DIST) : path.join(__dirname, "..", "dist");
const ROUNDS = Number(arg("--rounds", 5));
const ITERS = Number(arg("--iters", 40));
const KEEP = Number(arg("--keep", 64));

const { cpuMs, installClock } = require("./kernel_clock");
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const { torch } = require(path.join(DIST, "src"));
  const { reclaimStats } = require(path.join(DIST, "src/backend/memory"));
  const tf = require(require.resolve("@tensorflow/tfjs-core", { paths: [DIST] }));
  await torch.ready();
  const heapMb = () => (tf.backend().wasm.HEAPU8.length / 2 ** 20).toFixed(0);
  const clock = installClock(tf);

  torch.manual_seed(0);
  const a = torch.randn(256, 256);
  const b = torch.randn(256, 256);
  const x = torch.randn(256, 256);
  const ta = tf.randomNormal([256, 256]);
  const tb = tf.randomNormal([256, 256]);
  const tx = tf.randomNormal([256, 256]);
  const tfMatmul = () => tf.matMul(ta, tb);
  const tfChain = () => tf.tidy(() => tf.sub(tf.exp(tf.sigmoid(tf.tanh(tf.add(tf.mul(tx, 2), 1)))), 0.5));
  // A raw tfjs program whose outputs live on for `keep` iterations before it disposes them.
  const deferred = (make, keep) => {
    const held = [];
    return () => {
      const y = make();
      y.dataSync();
      held.push(y);
      if (held.length >= keep) for (const t of held.splice(0)) t.dispose();
    };
  };
  const workloads = {
    "matmul 256x256": {
      "tfjs, disposed at once": deferred(tfMatmul, 1),
      [`tfjs, disposed every ${KEEP}`]: deferred(tfMatmul, KEEP),
      torchlab: () => a.matmul(b).dataSync(),
    },
    "elementwise chain (6 ops, 256x256)": {
      "tfjs, disposed at once": deferred(tfChain, 1),
      [`tfjs, disposed every ${KEEP}`]: deferred(tfChain, KEEP),
      torchlab: () => x.mul(2).add(1).tanh().sigmoid().exp().sub(0.5).dataSync(),
    },
  };
  console.log(`# ${torch.backend()}: process CPU ms per iteration, median of ${ROUNDS} alternated rounds of ${ITERS} iterations`);
  for (const [work, sides] of Object.entries(workloads)) {
    const rows = {};
    for (const fn of Object.values(sides)) for (let i = 0; i < 2 * KEEP; i++) fn();
    for (let r = 0; r < ROUNDS; r++) {
      for (const [side, fn] of Object.entries(sides)) {
        const before = reclaimStats();
        clock.ms = 0;
        clock.byKernel = {};
        clock.on = true;
        const t0 = cpuMs();
        for (let i = 0; i < ITERS; i++) fn();
        const total = cpuMs() - t0;
        clock.on = false;
        const after = reclaimStats();
        const byKernel = Object.fromEntries(Object.entries(clock.byKernel).map(([k, ms]) => [k, ms / ITERS]));
        (rows[side] ??= []).push({ total: total / ITERS, kernels: clock.ms / ITERS, reclaims: after.count - before.count, byKernel });
      }
    }
    console.log(`\n${work}`);
    console.log(`${"".padEnd(28)}  total  in kernels  around  reclaims/round`);
    for (const [side, rs] of Object.entries(rows)) {
      const m = (k) => median(rs.map((row) => row[k]));
      console.log(`${side.padEnd(28)} ${m("total").toFixed(3).padStart(6)}  ${m("kernels").toFixed(3).padStart(10)}  ${median(rs.map((row) => row.total - row.kernels)).toFixed(3).padStart(6)}  ${m("reclaims").toFixed(0).padStart(14)}`);
    }
    // The same kernels on the same sizes, side by side: a kernel slower on one side is paying for its memory.
    const names = [...new Set(Object.values(rows).flatMap((rs) => rs.flatMap((row) => Object.keys(row.byKernel))))];
    console.log(`  in-kernel ms by kernel: ${Object.keys(rows).map((side) => side.split(",")[0] + (side.includes("every") ? " (every " + KEEP + ")" : "")).join(" / ")}`);
    for (const k of names) console.log(`    ${k.padEnd(24)} ${Object.values(rows).map((rs) => median(rs.map((row) => row.byKernel[k] ?? 0)).toFixed(3)).join(" / ")}`);
  }
  console.log(`\n# wasm heap ${heapMb()} MiB at the end; load average ${require("os").loadavg().map((v) => v.toFixed(1)).join(" ")}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
