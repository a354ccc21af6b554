#!/usr/bin/env node
/**
 * Overhead of torchlab over raw TensorFlow.js, and distance to PyTorch on the CPU.
 *
 *   npm run build && node bench/run.js [--iters N] [--backend wasm|cpu] [--clock wall|cpu]
 *
 * Runs each workload on the wasm and cpu backends (one child process per backend, as the backend is
 * chosen once per process) through torchlab and through tfjs directly, and through PyTorch with
 * Debian's /usr/bin/python3 when it has torch. Prints milliseconds per iteration and the ratios.
 * Workloads: a matmul, an elementwise chain, an MLP step, and the tutorial's conv net (a whole Adam
 * training step at batch 64, then each of its layers forward + backward; see convnet()).
 * Timings only: nothing here asserts, and numbers vary with machine load; on a shared machine
 * `--clock cpu` (process CPU time) is far steadier than wall time. TORCHLAB_DIST=<dir> benchmarks
 * another build (e.g. an older commit compiled with `tsc --outDir <dir>`) for before/after numbers.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ITERS = Number(process.argv[process.argv.indexOf("--iters") + 1]) || 50;
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

function time(fn, iters) {
  for (let i = 0; i < Math.max(3, iters / 10); i++) fn();
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
async function timeYielding(fn, iters) {
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < Math.max(3, iters / 10); i++) {
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
  Object.assign(results, await convnet(torch, tf, backend === "cpu" ? Math.max(3, Math.floor(ITERS / 10)) : Math.max(5, Math.floor(ITERS / 5))));
  const reclaim = reclaimCost(torch, backend === "cpu" ? Math.max(10, ITERS / 2) : Math.max(50, 4 * ITERS));
  process.stdout.write(JSON.stringify({ backend: torch.backend(), results, reclaim }));
}

/**
 * The tutorial's conv net (conv-bn-relu-pool x2, linear, cross-entropy, Adam) at batch 64 on 28x28
 * inputs: a whole training step, and each layer's forward + backward. The tfjs column is the same
 * network in NHWC with a hand-written backward (tfjs-core registers no gradients in Node), built from
 * the kernels a tfjs program would use: conv2d for all three convolution products, MaxPoolGrad,
 * moments for batch statistics, and tfjs's own Adam.
 */
async function convnet(torch, tf, iters) {
  const nn = torch.nn;
  const results = {};
  const N = 64;
  torch.manual_seed(0);
  const x = torch.randn(N, 1, 28, 28);
  const y = torch.randint(0, 10, [N]);
  const model = new nn.Sequential(
    new nn.Conv2d(1, 16, 3, { padding: 1 }), new nn.BatchNorm2d(16), new nn.ReLU(), new nn.MaxPool2d(2),
    new nn.Conv2d(16, 32, 3, { padding: 1 }), new nn.BatchNorm2d(32), new nn.ReLU(), new nn.MaxPool2d(2),
    new nn.Flatten(), new nn.Linear(32 * 7 * 7, 10));
  const opt = new torch.optim.Adam(model.parameters(), { lr: 1e-3 });
  const lossFn = new nn.CrossEntropyLoss();
  const step = () => {
    opt.zero_grad();
    const loss = lossFn(model(x), y);
    loss.backward();
    opt.step();
    loss.item();
  };

  // ---- raw tfjs, NHWC
  const pad1 = [[0, 0], [1, 1], [1, 1], [0, 0]];
  const conv = {
    fwd: (xx, w, b) => tf.fused.conv2d({ x: xx, filter: w, strides: 1, pad: pad1, bias: b }),
    bwd: (xx, w, g, needDx) => ({
      dx: needDx ? tf.conv2d(g, tf.transpose(tf.reverse(w, [0, 1]), [0, 1, 3, 2]), 1, pad1) : null,
      dw: tf.transpose(tf.conv2d(tf.transpose(xx, [3, 1, 2, 0]), tf.transpose(g, [1, 2, 0, 3]), 1, pad1), [1, 2, 0, 3]),
      db: tf.sum(g, [0, 1, 2]),
    }),
  };
  const bn = {
    fwd: (xx, gamma, beta) => {
      const { mean, variance } = tf.moments(xx, [0, 1, 2]);
      const invstd = tf.rsqrt(tf.add(variance, 1e-5));
      const xhat = tf.mul(tf.sub(xx, mean), invstd);
      return { out: tf.add(tf.mul(xhat, gamma), beta), xhat, invstd };
    },
    bwd: (s, gamma, g) => {
      const m = g.size / g.shape[3];
      const sumG = tf.sum(g, [0, 1, 2]);
      const sumGX = tf.sum(tf.mul(g, s.xhat), [0, 1, 2]);
      const dx = tf.mul(tf.div(tf.mul(gamma, s.invstd), m), tf.sub(tf.sub(tf.mul(g, m), sumG), tf.mul(s.xhat, sumGX)));
      return { dx, dgamma: sumGX, dbeta: sumG };
    },
  };
  const relu = { fwd: (xx) => tf.relu(xx), bwd: (out, g) => tf.mul(g, tf.step(out)) };
  const pool = {
    fwd: (xx) => tf.maxPool(xx, 2, 2, "valid"),
    bwd: (xx, out, g) => tf.engine().runKernel("MaxPoolGrad", { dy: g, input: xx, output: out }, { filterSize: 2, strides: 2, pad: "valid" }),
  };
  const ce = {
    fwd: (z, labels) => tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(z), labels), 1))),
    bwd: (z, labels) => tf.div(tf.sub(tf.softmax(z), labels), z.shape[0]),
  };
  const P = {
    w1: tf.variable(tf.mul(tf.randomNormal([3, 3, 1, 16]), 0.3)), b1: tf.variable(tf.zeros([16])),
    g1: tf.variable(tf.ones([16])), e1: tf.variable(tf.zeros([16])),
    w2: tf.variable(tf.mul(tf.randomNormal([3, 3, 16, 32]), 0.08)), b2: tf.variable(tf.zeros([32])),
    g2: tf.variable(tf.ones([32])), e2: tf.variable(tf.zeros([32])),
    wl: tf.variable(tf.mul(tf.randomNormal([1568, 10]), 0.025)), bl: tf.variable(tf.zeros([10])),
  };
  const tx = tf.randomNormal([N, 28, 28, 1]);
  const labels = tf.oneHot(tf.tensor1d(Array.from({ length: N }, (_, i) => i % 10), "int32"), 10);
  const adam = tf.train.adam(1e-3);
  const tfStep = () => {
    const loss = tf.tidy(() => {
      const c1 = conv.fwd(tx, P.w1, P.b1);
      const n1 = bn.fwd(c1, P.g1, P.e1);
      const r1 = relu.fwd(n1.out);
      const p1 = pool.fwd(r1);
      const c2 = conv.fwd(p1, P.w2, P.b2);
      const n2 = bn.fwd(c2, P.g2, P.e2);
      const r2 = relu.fwd(n2.out);
      const p2 = pool.fwd(r2);
      const flat = tf.reshape(p2, [N, 1568]);
      const z = tf.add(tf.matMul(flat, P.wl), P.bl);
      const l = ce.fwd(z, labels);
      const dz = ce.bwd(z, labels);
      // Explicit transposes: wasm's matMul with a transposed operand is several times slower.
      const dwl = tf.matMul(tf.transpose(flat), dz);
      const dbl = tf.sum(dz, 0);
      const dp2 = tf.reshape(tf.matMul(dz, tf.transpose(P.wl)), p2.shape);
      const dn2 = bn.bwd(n2, P.g2, relu.bwd(r2, pool.bwd(r2, p2, dp2)));
      const dc2 = conv.bwd(p1, P.w2, dn2.dx, true);
      const dn1 = bn.bwd(n1, P.g1, relu.bwd(r1, pool.bwd(r1, p1, dc2.dx)));
      const dc1 = conv.bwd(tx, P.w1, dn1.dx, false);
      adam.applyGradients({
        [P.w1.name]: dc1.dw, [P.b1.name]: dc1.db, [P.g1.name]: dn1.dgamma, [P.e1.name]: dn1.dbeta,
        [P.w2.name]: dc2.dw, [P.b2.name]: dc2.db, [P.g2.name]: dn2.dgamma, [P.e2.name]: dn2.dbeta,
        [P.wl.name]: dwl, [P.bl.name]: dbl,
      });
      return l;
    });
    loss.dataSync();
    loss.dispose();
  };
  results["conv-net train step, batch 64 (fwd+bwd+Adam)"] = { torchlab: await timeYielding(step, iters), tfjs: await timeYielding(tfStep, iters) };

  // ---- per layer, forward + backward with a given upstream gradient
  const layer = async (name, module, shape, tfFwdBwd) => {
    const xi = torch.randn(...shape).requires_grad_();
    const out = module(xi);
    const g = torch.randn(...out.shape);
    const tl = () => {
      const o = module(xi);
      o.backward(g);
      xi.grad.dataSync();
      xi.grad = null;
    };
    const nhwc = [shape[0], shape[2], shape[3], shape[1]];
    const txi = tf.randomNormal(nhwc);
    const tg = tf.randomNormal([out.shape[0], out.shape[2], out.shape[3], out.shape[1]]);
    const tfl = () => {
      const r = tf.tidy(() => tfFwdBwd(txi, tg));
      r.dataSync();
      r.dispose();
    };
    results[`${name} fwd+bwd`] = { torchlab: await timeYielding(tl, iters), tfjs: await timeYielding(tfl, iters) };
  };
  const cw1 = tf.randomNormal([3, 3, 1, 16]);
  const cw2 = tf.randomNormal([3, 3, 16, 32]);
  await layer("Conv2d(1,16,3,p=1) [64,1,28,28]", new nn.Conv2d(1, 16, 3, { padding: 1 }), [N, 1, 28, 28], (xx, g) => {
    conv.fwd(xx, cw1, P.b1);
    const r = conv.bwd(xx, cw1, g, true);
    return tf.addN([tf.sum(r.dx), tf.sum(r.dw), tf.sum(r.db)]);
  });
  await layer("Conv2d(16,32,3,p=1) [64,16,14,14]", new nn.Conv2d(16, 32, 3, { padding: 1 }), [N, 16, 14, 14], (xx, g) => {
    conv.fwd(xx, cw2, P.b2);
    const r = conv.bwd(xx, cw2, g, true);
    return tf.addN([tf.sum(r.dx), tf.sum(r.dw), tf.sum(r.db)]);
  });
  await layer("BatchNorm2d(16) [64,16,28,28]", new nn.BatchNorm2d(16), [N, 16, 28, 28], (xx, g) => {
    const s = bn.fwd(xx, P.g1, P.e1);
    const r = bn.bwd(s, P.g1, g);
    return tf.addN([tf.sum(r.dx), tf.sum(r.dgamma), tf.sum(r.dbeta), tf.sum(s.out)]);
  });
  await layer("ReLU [64,16,28,28]", new nn.ReLU(), [N, 16, 28, 28], (xx, g) => relu.bwd(relu.fwd(xx), g));
  await layer("MaxPool2d(2) [64,16,28,28]", new nn.MaxPool2d(2), [N, 16, 28, 28], (xx, g) => pool.bwd(xx, pool.fwd(xx), g));
  return results;
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

function pytorch() {
  const py = "/usr/bin/python3";
  if (!fs.existsSync(py)) return null;
  const r = spawnSync(py, [path.join(__dirname, "torch_bench.py"), String(ITERS), CPU_CLOCK ? "cpu" : "wall"], { encoding: "utf8" });
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
    const args = [__filename, "--child", backend, "--iters", String(ITERS), ...(CPU_CLOCK ? ["--clock", "cpu"] : [])];
    const r = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env } });
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
  for (const { backend, reclaim: r } of runs.filter((run) => run.reclaim)) {
    console.log(`# ${backend.split(" ")[0]}: ${r.steps} synchronous conv-net steps (batch 64) in a function: ${r.reclaims} reclaims took ` +
      `${r.reclaimMs.toFixed(0)} of ${r.totalMs.toFixed(0)} ms wall (${((100 * r.reclaimMs) / r.totalMs).toFixed(1)}% of a training step)`);
  }
  console.log(`# ${CPU_CLOCK ? "process CPU time" : "wall time"} per iteration`);
  console.log(torchRes ? `# PyTorch ${torchRes.version}, ${torchRes.threads} threads (/usr/bin/python3)` : "# PyTorch: /usr/bin/python3 with torch not found, column skipped");
}

if (process.argv[2] === "--child") {
  child(process.argv[3]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else main();
