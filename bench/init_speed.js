"use strict";
/**
 * Process CPU time of building parameters (not in `npm run bench`'s list):
 *   node bench/init_speed.js [dist folder, default ../dist] [case ...]
 * Cases: linear (nn.Linear(4096, 2500)), normal (torch.empty(1e7).normal_()), uniform
 * (torch.empty(1e7).uniform_()), vgg16, resnet18. Each case runs `reps` times after one warm-up;
 * prints the median milliseconds of CPU (user + system) per case.
 */
const path = require("path");

async function main() {
  const dist = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "dist"));
  const { torch, torchvision } = require(path.join(dist, "src"));
  await torch.ready();
  const cases = {
    linear: () => new torch.nn.Linear(4096, 2500),
    normal: () => torch.empty(1e7).normal_(),
    uniform: () => torch.empty(1e7).uniform_(),
    vgg16: () => torchvision.models.vgg16(),
    resnet18: () => torchvision.models.resnet18(),
  };
  const names = process.argv.length > 3 ? process.argv.slice(3) : Object.keys(cases);
  const reps = Number(process.env.REPS ?? 3);
  const out = {};
  for (const name of names) {
    const make = cases[name];
    if (make === undefined) throw new Error(`unknown case ${name}`);
    make();
    const ms = [];
    for (let i = 0; i < reps; i++) {
      const t0 = process.cpuUsage();
      make();
      const d = process.cpuUsage(t0);
      ms.push((d.user + d.system) / 1000);
    }
    ms.sort((a, b) => a - b);
    out[name] = Math.round(ms[Math.floor(ms.length / 2)]);
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
