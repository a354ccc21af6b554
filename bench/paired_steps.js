#!/usr/bin/env node
/**
 * Training steps of the course workloads (bench/models.js) through torchlab, through the same model
 * written in tfjs (bench/tfjs_models.js) and through PyTorch (bench/torch_steps.py, a child process),
 * in short rounds that alternate between the three, so that all three see the same moments of a
 * machine shared with other work. Process CPU time per step; prints the fastest round, the 10th
 * percentile and the median of each, and torchlab's ratios to the other two.
 *
 *   node bench/paired_steps.js [--workload blitz|net|resblock] [--rounds N] [--steps N] [--threads N]
 *   TORCHLAB_DIST=<other worktree>/dist node bench/paired_steps.js     (another build)
 *   node bench/paired_steps.js --workload net --infer --threads 2   (the Net's inference instead: eval mode,
 *                                                       no_grad, batch 64, the result read back)
 *   node bench/paired_steps.js --workload net --direct   (also torchlab with Winograd off, `direct` rounds:
 *                                                       src/backend/simd_winograd.ts's setWinograd(false);
 *                                                       Winograd is the default, TORCHLAB_WINOGRAD=0 turns it
 *                                                       off; --winograd alternates it on when that is so)
 *
 * On a loaded 2-core machine one process's CPU time per step swings 2-3x from second to second; the
 * low percentiles of many short alternated rounds move far less than a long run's mean does.
 */
"use strict";
const path = require("path");
const readline = require("readline");
const { spawn } = require("child_process");

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const THREADS = Number(arg("--threads", 1));
process.env.OMP_NUM_THREADS = String(THREADS);
process.env.TORCHLAB_BACKEND = arg("--backend", process.env.TORCHLAB_BACKEND || "wasm");
const DIST = process.env.TORCHLAB_DIST ? path.resolve(process.env.TORCHLAB_DIST) : path.join(__dirname, "..", "dist");
const WORKLOAD = arg("--workload", "blitz");
const ROUNDS = Number(arg("--rounds", 40));
const INFER = process.argv.includes("--infer");
const STEPS = Number(arg("--steps", WORKLOAD === "blitz" ? 40 : INFER ? 8 : 2));

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** PyTorch's side: a torch_steps.py child, asked for one round at a time. */
function pytorch() {
  const child = spawn(process.env.PYTHON || "/usr/bin/python3", [path.join(__dirname, "torch_steps.py"), String(THREADS)], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => (await lines.next()).value;
  return {
    ready: next,
    round: async (n) => {
      child.stdin.write(`${WORKLOAD}${INFER ? "-infer" : ""} ${n}\n`);
      return Number(await next()) / n;
    },
    close: () => child.stdin.end(),
  };
}

async function main() {
  const { torch } = require(path.join(DIST, "src"));
  const tf = require(require.resolve("@tensorflow/tfjs-core", { paths: [DIST] }));
  await torch.ready();
  const { models, trainStep } = require("./models");
  const twin = require("./tfjs_models").tfjsModels(tf)[WORKLOAD]();
  if (INFER && twin.infer === undefined) throw new Error(`--infer: bench/tfjs_models.js's ${WORKLOAD} has no inference`);
  /** A training step of the workload, or with --infer its inference (as bench/run.js times it). */
  const torchlabStep = () => {
    const spec = models(torch)[WORKLOAD]();
    if (!INFER) return trainStep(torch, spec);
    spec.model.eval();
    const x = torch.randn(...spec.input);
    return () => torch.no_grad(() => spec.model(x).dataSync());
  };
  const local = { torchlab: torchlabStep(), tfjs: INFER ? twin.infer : twin.step };
  // The other setting of Winograd, alternated with the default: `--winograd` turns it on, `--direct` off.
  const other = process.argv.includes("--winograd") ? "winograd" : process.argv.includes("--direct") ? "direct" : null;
  if (other !== null) {
    const { setWinograd } = require(path.join(DIST, "src", "backend", "simd_winograd"));
    const step = torchlabStep();
    local[other] = () => {
      const previous = setWinograd(other === "winograd");
      try {
        step();
      } finally {
        setWinograd(previous);
      }
    };
  }
  const py = pytorch();
  await py.ready();
  const rounds = { torchlab: [], ...(other ? { [other]: [] } : {}), tfjs: [], pytorch: [] };
  const localRound = async (step) => {
    const t0 = cpuMs();
    for (let i = 0; i < STEPS; i++) {
      step();
      await tick();
    }
    return (cpuMs() - t0) / STEPS;
  };
  // Warm-up rounds (not counted), then the alternated ones.
  for (let r = -3; r < ROUNDS; r++) {
    for (const which of Object.keys(rounds)) {
      const ms = which === "pytorch" ? await py.round(STEPS) : await localRound(local[which]);
      if (r >= 0) rounds[which].push(ms);
    }
  }
  py.close();
  const at = (xs, q) => xs.slice().sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];
  console.log(`# ${WORKLOAD} ${INFER ? "inference" : "train step"}, ${torch.backend()}, PyTorch ${THREADS} thread(s): process CPU ms per step, ${ROUNDS} alternated rounds of ${STEPS} steps`);
  console.log("            fastest    p10   median");
  for (const [which, xs] of Object.entries(rounds)) console.log(`${which.padEnd(10)} ${at(xs, 0).toFixed(3).padStart(8)} ${at(xs, 0.1).toFixed(3).padStart(6)} ${at(xs, 0.5).toFixed(3).padStart(8)}`);
  const ratio2 = (one, other) => ["fastest", "p10", "median"].map((k, i) => `${k} ${(at(rounds[one], [0, 0.1, 0.5][i]) / at(rounds[other], [0, 0.1, 0.5][i])).toFixed(2)}x`).join(", ");
  const ratio = (other) => ratio2("torchlab", other);
  console.log(`torchlab / PyTorch: ${ratio("pytorch")}`);
  console.log(`torchlab / tfjs:    ${ratio("tfjs")}`);
  if (other !== null) {
    console.log(`${other} / PyTorch:   ${ratio2(other, "pytorch")}`);
    console.log(`torchlab / ${other}:  ${ratio(other)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
