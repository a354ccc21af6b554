#!/usr/bin/env node
/**
 * Process CPU time of one no_grad forward (eval mode, after two train-mode forwards) of a bench/models.js
 * model on wasm with one thread, best of five blocks of ten, and a hash of the output's bits (to check
 * that two builds compute the same values). TORCHLAB_DIST=<dir> measures another build.
 *
 *   npm run build && MODEL=net|resblock node bench/infer_cpu.js
 */
"use strict";
const path = require("path");
process.env.TORCHLAB_BACKEND = "wasm";
process.env.OMP_NUM_THREADS = "1";
const DIST = path.resolve(process.env.TORCHLAB_DIST || path.join(__dirname, "..", "dist"));
const crypto = require("crypto");
(async () => {
  const { torch } = require(path.join(DIST, "src"));
  await torch.ready();
  const key = process.env.MODEL || "net";
  const spec = require("./models").models(torch)[key]();
  const model = spec.model;
  const x = torch.randn(...spec.input);
  // Train-mode statistics first so the eval transform is not the identity.
  for (let i = 0; i < 2; i++) model(x);
  model.eval();
  const f = () => torch.no_grad(() => model(x));
  for (let i = 0; i < 5; i++) f();
  const out = f();
  const hash = crypto.createHash("md5").update(Buffer.from(new Float32Array(out.tolist().flat()).buffer)).digest("hex").slice(0, 12);
  let best = Infinity;
  for (let b = 0; b < 5; b++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < 10; i++) f();
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / 1e3 / 10);
  }
  console.log(JSON.stringify({ key, dist: DIST, inferCpuMs: +best.toFixed(2), hash }));
})().catch((e) => { console.error(e); process.exit(1); });
