#!/usr/bin/env node
/**
 * Overhead of torchlab over raw TensorFlow.js, and distance to PyTorch on the CPU.
 *
 *   npm run build && node bench/run.js [--iters N]
 *
 * Runs each workload on the wasm and cpu backends (one child process per backend, as the backend is
 * chosen once per process) through torchlab and through tfjs directly, and through PyTorch with
 * Debian's /usr/bin/python3 when it has torch. Prints milliseconds per iteration and the ratios.
 * Timings only: nothing here asserts, and numbers vary with machine load.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ITERS = Number(process.argv[process.argv.indexOf("--iters") + 1]) || 50;
const ROOT = path.join(__dirname, "..");

function time(fn, iters) {
  for (let i = 0; i < Math.max(3, iters / 10); i++) fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iters; i++) fn();
  return Number(process.hrtime.bigint() - t0) / 1e6 / iters;
}

async function child(backend) {
  process.env.TORCHLAB_BACKEND = backend;
  const { torch } = require(path.join(ROOT, "dist/src"));
  const tf = require("@tensorflow/tfjs-core");
  await torch.ready();
  const iters = backend === "cpu" ? Math.max(5, Math.floor(ITERS / 5)) : ITERS;
  const results = {};

  torch.manual_seed(0);
  const a = torch.randn(256, 256);
  const b = torch.randn(256, 256);
  const ta = tf.randomNormal([256, 256]);
  const tb = tf.randomNormal([256, 256]);
  results["matmul 256x256"] = {
    torchlab: time(() => a.matmul(b).dataSync(), iters),
    tfjs: time(() => {
      const y = tf.matMul(ta, tb);
      y.dataSync();
      y.dispose();
    }, iters),
  };

  const x = torch.randn(256, 256);
  const tx = tf.randomNormal([256, 256]);
  results["elementwise chain (6 ops, 256x256)"] = {
    torchlab: time(() => x.mul(2).add(1).tanh().sigmoid().exp().sub(0.5).dataSync(), iters),
    tfjs: time(() => {
      const y = tf.tidy(() => tf.sub(tf.exp(tf.sigmoid(tf.tanh(tf.add(tf.mul(tx, 2), 1)))), 0.5));
      y.dataSync();
      y.dispose();
    }, iters),
  };

  const xb = torch.randn(64, 784);
  const w1 = torch.randn(784, 128).mul(0.03).requires_grad_();
  const w2 = torch.randn(128, 10).mul(0.1).requires_grad_();
  const txb = tf.randomNormal([64, 784]);
  const tw1 = tf.variable(tf.mul(tf.randomNormal([784, 128]), 0.03));
  const tw2 = tf.variable(tf.mul(tf.randomNormal([128, 10]), 0.1));
  results["MLP step 64x784-128-10 (fwd+bwd+SGD)"] = {
    torchlab: time(() => {
      const loss = xb.matmul(w1).relu().matmul(w2).log_softmax(1).mean().neg();
      loss.backward();
      torch.no_grad(() => {
        w1.sub_(w1.grad.mul(0.01));
        w2.sub_(w2.grad.mul(0.01));
      });
      w1.grad.zero_();
      w2.grad.zero_();
      loss.item();
    }, iters),
    // Hand-written backward in tfjs ops: the least work any tfjs program can do for this step.
    tfjs: time(() => {
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
    }, iters),
  };
  process.stdout.write(JSON.stringify({ backend: torch.backend(), results }));
}

function pytorch() {
  const py = "/usr/bin/python3";
  if (!fs.existsSync(py)) return null;
  const r = spawnSync(py, [path.join(__dirname, "torch_bench.py"), String(ITERS)], { encoding: "utf8" });
  if (r.status !== 0) return null;
  return JSON.parse(r.stdout);
}

function main() {
  if (!fs.existsSync(path.join(ROOT, "dist/src/index.js"))) {
    console.error("bench/run.js needs the build: npm run build && node bench/run.js");
    process.exit(1);
  }
  const runs = [];
  for (const backend of ["wasm", "cpu"]) {
    const r = spawnSync(process.execPath, [__filename, "--child", backend, "--iters", String(ITERS)], { encoding: "utf8", env: { ...process.env } });
    if (r.status !== 0) {
      console.error(`${backend}: failed\n${r.stderr}`);
      continue;
    }
    runs.push(JSON.parse(r.stdout));
  }
  const torchRes = pytorch();
  const rows = [["workload", "backend", "torchlab ms", "tfjs ms", "torchlab/tfjs", "PyTorch ms", "torchlab/PyTorch"]];
  for (const run of runs) {
    const name = run.backend.split(" ")[0];
    for (const [work, t] of Object.entries(run.results)) {
      const p = torchRes && torchRes.results[work];
      rows.push([work, name, t.torchlab.toFixed(3), t.tfjs.toFixed(3), (t.torchlab / t.tfjs).toFixed(2) + "x", p ? p.toFixed(3) : "-", p ? (t.torchlab / p).toFixed(1) + "x" : "-"]);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
  for (const run of runs) console.log(`# ${run.backend}`);
  console.log(torchRes ? `# PyTorch ${torchRes.version}, ${torchRes.threads} threads (/usr/bin/python3)` : "# PyTorch: /usr/bin/python3 with torch not found, column skipped");
}

if (process.argv[2] === "--child") {
  child(process.argv[3]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else main();
