#!/usr/bin/env node
/**
 * Compile time of a 30-cell notebook with Python's keyword arguments (kernel/keyword_args.ts).
 * Each run is a fresh process: tslab's converter with the notebook dialect, the prelude's imports,
 * then the 30 cells converted one after another (type-check and emit, as a kernel does before it
 * runs a cell); the time is the process CPU and wall time of those 30 conversions.
 *
 *   npm run build && node bench/keyword_compile.js [--runs N]
 *
 * Variants, alternated run by run so that machine load hits each alike:
 *   before    the cells with options objects (`nn.Conv2d(1, 8, {kernel_size: 3})`), the keyword rewrite
 *             switched off in this process: the dialect as it was before keyword arguments
 *   options   the same cells, the keyword rewrite on: what an existing notebook pays now
 *   keywords  the same cells written with keywords (`nn.Conv2d(1, 8, kernel_size=3)`), rewrite on
 * Timings only: nothing here asserts.
 */
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const VARIANTS = ["before", "options", "keywords"];

/** [options spelling, keyword spelling] of ten cells; the notebook is them three times over. */
const PAIRS = [
  ["const conv$ = nn.Conv2d(1, 8, {kernel_size: 3, padding: 1});", "const conv$ = nn.Conv2d(1, 8, kernel_size=3, padding=1);"],
  ["const x$ = torch.rand([4, 1, 8, 8], {dtype: torch.float32});\nconst y$ = conv$(x$);", "const x$ = torch.rand([4, 1, 8, 8], dtype=torch.float32);\nconst y$ = conv$(x$);"],
  ["const s$ = torch.sum(y$, {dim: 1, keepdim: true});\nprint(s$.shape);", "const s$ = torch.sum(y$, dim=1, keepdim=true);\nprint(s$.shape);"],
  ["const t$ = torch.tensor([0, 2, 1, 1]);\nconst loss$ = F.cross_entropy(y$.mean([2, 3]), t$, {reduction: 'sum'});", "const t$ = torch.tensor([0, 2, 1, 1]);\nconst loss$ = F.cross_entropy(y$.mean([2, 3]), t$, reduction='sum');"],
  ["const ds$ = torch.utils.data.TensorDataset(x$, t$);\nconst dl$ = torch.utils.data.DataLoader(ds$, {batch_size: 2, shuffle: true});", "const ds$ = torch.utils.data.TensorDataset(x$, t$);\nconst dl$ = torch.utils.data.DataLoader(ds$, batch_size=2, shuffle=true);"],
  ["function acc$(y_true, y_pred) {\n  return torch.eq(y_true, y_pred).sum().item() / len(y_pred) * 100;\n}\nprint(acc$(t$, t$));", "function acc$(y_true, y_pred) {\n  return torch.eq(y_true, y_pred).sum().item() / len(y_pred) * 100;\n}\nprint(acc$(y_true=t$, y_pred=t$));"],
  [
    "class Net$ extends nn.Module {\n  constructor(in_channel, channel_1, num_classes) {\n    super();\n    this.conv = nn.Conv2d(in_channel, channel_1, {kernel_size: 3, padding: 1});\n    this.fc = nn.Linear(channel_1 * 8 * 8, num_classes);\n  }\n  forward(x) {\n    return this.fc(torch.flatten(F.relu(this.conv(x)), {start_dim: 1}));\n  }\n}",
    "class Net$ extends nn.Module {\n  constructor(in_channel, channel_1, num_classes) {\n    super();\n    this.conv = nn.Conv2d(in_channel, channel_1, kernel_size=3, padding=1);\n    this.fc = nn.Linear(channel_1 * 8 * 8, num_classes);\n  }\n  forward(x) {\n    return this.fc(torch.flatten(F.relu(this.conv(x)), start_dim=1));\n  }\n}",
  ],
  ["const net$ = Net$(1, 4, 3);\nconst opt$ = optim.SGD(net$.parameters(), {lr: 0.1, momentum: 0.9});", "const net$ = Net$(in_channel=1, channel_1=4, num_classes=3);\nconst opt$ = optim.SGD(net$.parameters(), lr=0.1, momentum=0.9);"],
  ["for (const [xb, yb] of dl$) {\n  const l = F.cross_entropy(net$(xb), yb);\n  opt$.zero_grad();\n  l.backward();\n  opt$.step();\n}", "for (const [xb, yb] of dl$) {\n  const l = F.cross_entropy(net$(xb), yb);\n  opt$.zero_grad();\n  l.backward();\n  opt$.step();\n}"],
  ["const m$ = torch.max(net$(x$), {dim: 1});\nprint(m$.indices, m$.values.shape);", "const m$ = torch.max(net$(x$), dim=1);\nprint(m$.indices, m$.values.shape);"],
];

function child(variant) {
  const { installTorchlabResolution } = require(path.join(ROOT, "dist/kernel/resolve"));
  installTorchlabResolution();
  if (variant === "before") require(path.join(ROOT, "dist/kernel/keyword_args")).withKeywordArguments = (inner) => inner;
  const { withNotebookDialect } = require(path.join(ROOT, "dist/kernel/rewrite"));
  const { preludeCells } = require(path.join(ROOT, "dist/kernel/prelude"));
  const { createConverter } = require("tslab/dist/converter");
  const conv = withNotebookDialect(() => createConverter({ isJS: false, isBrowser: false }));
  let prev = "";
  const convert = (src) => {
    const r = conv.convert(prev, src);
    if (r.diagnostics.length) throw new Error(`${src}\n${r.diagnostics.map((d) => d.messageText).join("\n")}`);
    prev = r.declOutput ?? "";
  };
  for (const cell of preludeCells({}).filter((c) => /^import /.test(c))) convert(cell);
  const cells = [0, 1, 2].flatMap((k) => PAIRS.map((p) => p[variant === "keywords" ? 1 : 0].replace(/\$/g, `_${k}`)));
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const cell of cells) convert(cell);
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  conv.close();
  process.stdout.write(JSON.stringify({ variant, cells: cells.length, wall_ms: wall, cpu_ms: (cpu.user + cpu.system) / 1000 }));
}

function main() {
  const i = process.argv.indexOf("--runs");
  const runs = i > 0 ? Number(process.argv[i + 1]) : 3;
  const results = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  for (let r = 0; r < runs; r++) {
    for (const v of VARIANTS) {
      const out = spawnSync(process.execPath, [__filename, "--child", v], { cwd: ROOT, encoding: "utf8" });
      if (out.status !== 0) throw new Error(out.stderr);
      const res = JSON.parse(out.stdout);
      results[v].push(res);
      console.log(`run ${r + 1} ${v.padEnd(8)} cpu ${res.cpu_ms.toFixed(0)} ms  wall ${res.wall_ms.toFixed(0)} ms`);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const v of VARIANTS) {
    console.log(`${v.padEnd(8)} median of ${runs}: cpu ${median(results[v].map((x) => x.cpu_ms)).toFixed(0)} ms, wall ${median(results[v].map((x) => x.wall_ms)).toFixed(0)} ms (30 cells)`);
  }
}

if (process.argv[2] === "--child") child(process.argv[3]);
else main();
