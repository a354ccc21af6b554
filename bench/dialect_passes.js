#!/usr/bin/env node
/**
 * The notebook dialect over every cell of the tutorial ports and the notebooks (test/kernel/_corpus.ts),
 * in context: each section (a cell file's export, a notebook) in order after the prelude, each cell
 * prepared as the kernel prepares it (kernel/rewrite.ts prepareCellSource, loop yields on) and converted
 * by tslab's converter with the dialect, a cell's declarations reaching the next when it compiles.
 *
 *   npm run build && node bench/dialect_passes.js [--base /work/main [--parallel]] [--runs N] [--only REGEX] [--cells] [--dump DIR]
 *
 * Each run is a fresh process per build, alternated (base, this, base, this, ...): the process CPU
 * (user + sys) of converting the corpus, the programs tslab's watch program built
 * (kernel/resolve.ts programCount) and, where the build counts them, the checks rewriteTensorOperators
 * asked for (kernel/rewrite.ts operatorCheckCount, onOperatorPass): histograms of checks per cell and per
 * call, and what each pass after a call's first rewriting one rewrote (typed operators only found once an
 * operand was rewritten, or untyped ones, which wait for the typed ones to be done); where the build
 * reports them (rewrite.ts onDialectRound), the rounds of the whole dialect per cell and the fix-up that
 * caused each round after a cell's first, with the programs those rounds built (--cells: each cell's). With --base, the
 * code each cell compiles to (tslab's output, its diagnostics) must be the same for both builds: the
 * cells that differ are listed and the exit status is 1.
 */
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const HERE = path.resolve(__dirname, "..");

/** Requires the worktree's TypeScript test files (the corpus's cell files) through a plain transpile. */
function requireTs(file) {
  const ts = require(path.join(HERE, "node_modules", "typescript"));
  require.extensions[".ts"] = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true } });
    module._compile(out.outputText, filename);
  };
  return require(file);
}

/** The corpus as sections: [section, [where, code][]]. */
function sections(only) {
  const cells = requireTs(path.join(HERE, "test", "kernel", "_corpus.ts")).corpusCells();
  const bySection = new Map();
  for (const [where, code] of cells) {
    if (only && !only.test(where)) continue;
    // `_graykode_cells.ts.NNLM[1]`: the export; `00_hello.ipynb cell 3`: the notebook.
    const section = where.includes(".ipynb") ? where.replace(/ cell \d+$/, "") : where.replace(/^(_\w+\.ts\.\w+).*$/, "$1");
    if (!bySection.has(section)) bySection.set(section, []);
    bySection.get(section).push([where, code]);
  }
  return [...bySection];
}

function child(root, only, outFile) {
  const dist = path.join(root, "dist", "kernel");
  const resolve = require(path.join(dist, "resolve"));
  resolve.installTorchlabResolution();
  const rewrite = require(path.join(dist, "rewrite"));
  const { isModuleCell } = require(path.join(dist, "converter_worker"));
  const { mergedPrelude } = require(path.join(dist, "prelude"));
  const { createConverter } = require(require.resolve("tslab/dist/converter", { paths: [root] }));
  const checks = rewrite.operatorCheckCount ?? (() => 0);
  // Each call of rewriteTensorOperators during a cell's conversion: what each of its passes rewrote.
  let calls = [];
  rewrite.onOperatorPass?.((pass, _checked, rewrote) => {
    if (pass === 0) calls.push([]);
    calls[calls.length - 1].push(rewrote);
  });
  // Each round of the whole dialect during a cell's conversion (rewrite.ts onDialectRound): why it ran, and the programs built when it began.
  let rounds = [];
  rewrite.onDialectRound?.((cause) => rounds.push([cause, resolve.programCount()]));
  const conv = rewrite.withNotebookDialect(() => createConverter({ isJS: false, isBrowser: false }));
  const prelude = conv.convert("", mergedPrelude({}));
  if (prelude.diagnostics.length > 0) throw new Error(`prelude: ${JSON.stringify(prelude.diagnostics)}`);
  const results = [];
  const cpu0 = process.cpuUsage();
  let serial = 0;
  for (const [, cells] of sections(only)) {
    let prev = prelude.declOutput ?? "";
    for (const [where, code] of cells) {
      if (isModuleCell(code)) continue;
      const src = rewrite.prepareCellSource(code, ++serial, false);
      const [p0, c0] = [resolve.programCount(), checks()];
      calls = [];
      rounds = [];
      const r = conv.convert(prev, src);
      const diagnostics = r.diagnostics.map((d) => `${d.code} ${d.start.offset}-${d.end.offset} ${d.messageText}`);
      // The programs of each round: from its start to the next's (the last's to the end of the conversion).
      const ends = [...rounds.slice(1).map(([, p]) => p), resolve.programCount()];
      const roundsOf = rounds.map(([cause, p], i) => [cause, ends[i] - p]);
      results.push({ where, output: r.output, diagnostics, programs: resolve.programCount() - p0, checks: checks() - c0, calls, rounds: roundsOf });
      if (r.diagnostics.length === 0) prev = r.declOutput ?? prev;
    }
  }
  const cpu = process.cpuUsage(cpu0);
  conv.close();
  fs.writeFileSync(outFile, JSON.stringify({ cpu_ms: (cpu.user + cpu.system) / 1000, results }));
}

function histogram(values) {
  const h = new Map();
  for (const v of values) h.set(v, (h.get(v) ?? 0) + 1);
  return [...h].sort((a, b) => a[0] - b[0]).map(([k, n]) => `${k}:${n}`).join(" ");
}

/** Why a pass after a call's first rewriting one was needed: what it rewrote, after what the pass before it rewrote. */
function extraPasses(results) {
  const found = new Map();
  for (const r of results) {
    for (const kinds of r.calls) {
      for (let i = 1; i < kinds.length && kinds[i] !== "none"; i++) {
        const why = `${kinds[i]} after ${kinds[i - 1]}`;
        found.set(why, (found.get(why) ?? 0) + 1);
      }
    }
  }
  return [...found].map(([why, n]) => `${why}: ${n}`).join(", ") || "none";
}

function summary(label, run) {
  const sum = (f) => run.results.reduce((s, r) => s + f(r), 0);
  const calls = run.results.flatMap((r) => r.calls);
  console.log(`${label.padEnd(5)} cpu ${(run.cpu_ms / 1000).toFixed(1)} s  cells ${run.results.length}  programs ${sum((r) => r.programs)}  operator checks ${sum((r) => r.checks)}`);
  console.log(`      checks per cell ${histogram(run.results.map((r) => r.checks))}`);
  console.log(`      programs per cell ${histogram(run.results.map((r) => r.programs))}`);
  if (run.results.some((r) => r.rounds?.length > 0)) {
    // Rounds of the whole dialect (convertMarked): the first, for the cell, and one per fix-up its diagnostics called for.
    console.log(`      dialect rounds ${sum((r) => r.rounds.length)} per cell ${histogram(run.results.map((r) => r.rounds.length))}`);
    const causes = new Map();
    for (const r of run.results) {
      for (const [cause, programs] of r.rounds.slice(1)) {
        const [n, p] = causes.get(cause) ?? [0, 0];
        causes.set(cause, [n + 1, p + programs]);
      }
    }
    console.log(`      extra rounds by fix-up (rounds, their programs): ${[...causes].map(([c, [n, p]]) => `${c} ${n} (${p})`).join(", ") || "none"}`);
    const sequences = new Map();
    for (const r of run.results.filter((r) => r.rounds.length > 1)) {
      const seq = r.rounds.slice(1).map(([c]) => c).join(" > ");
      sequences.set(seq, (sequences.get(seq) ?? 0) + 1);
    }
    console.log(`      cells by fix-up sequence: ${[...sequences].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s}: ${n}`).join(", ") || "none"}`);
    if (process.argv.includes("--cells")) for (const r of run.results.filter((r) => r.rounds.length > 1)) console.log(`        ${r.where}: ${r.rounds.map(([c, p]) => `${c}(${p})`).join(" ")}`);
  }
  if (calls.length === 0) return;
  console.log(`      checks per rewriteTensorOperators call (${calls.length} calls) ${histogram(calls.map((c) => c.length))}`);
  console.log(`      passes after a call's first rewriting one: ${extraPasses(run.results)}`);
}

async function main() {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  if (arg("--child")) return child(arg("--child"), arg("--only") && new RegExp(arg("--only")), arg("--out"));
  const base = arg("--base");
  const runs = Number(arg("--runs") ?? 1);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dialect-passes-"));
  const roots = base ? [["base", path.resolve(base)], ["this", HERE]] : [["this", HERE]];
  const last = {};
  const extra = arg("--only") ? ["--only", arg("--only")] : [];
  const childArgs = (label, root) => [__filename, "--child", root, "--out", path.join(tmp, `${label}.json`), ...extra];
  const report = (r, label) => {
    last[label] = JSON.parse(fs.readFileSync(path.join(tmp, `${label}.json`), "utf8"));
    console.log(`run ${r + 1}`);
    summary(label, last[label]);
  };
  for (let r = 0; r < runs; r++) {
    if (process.argv.includes("--parallel")) {
      // Both builds at once (the corpus takes ~5 min of CPU a build): each child's CPU is its own, so the
      // figures compare as alternated ones do, but only while the machine has a core free for each.
      const children = roots.map(([label, root]) => [label, spawn(process.execPath, childArgs(label, root), { cwd: root, stdio: ["ignore", "inherit", "inherit"] })]);
      const codes = await Promise.all(children.map(([, c]) => new Promise((done) => c.on("exit", done))));
      children.forEach(([label], i) => {
        if (codes[i] !== 0) throw new Error(`${label} failed (${codes[i]})`);
        report(r, label);
      });
      continue;
    }
    for (const [label, root] of roots) {
      const res = spawnSync(process.execPath, childArgs(label, root), { cwd: root, stdio: ["ignore", "inherit", "inherit"], maxBuffer: 1 << 30 });
      if (res.status !== 0) throw new Error(`${label} failed (${res.status})`);
      report(r, label);
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  if (!base) return;
  const differ = last.base.results.filter((b, i) => {
    const t = last.this.results[i];
    return t.where !== b.where || t.output !== b.output || t.diagnostics.join("\n") !== b.diagnostics.join("\n");
  });
  console.log(`compared ${last.base.results.length} cells: ${last.base.results.length - differ.length} identical, ${differ.length} differ`);
  for (const d of differ) console.log(`  differs: ${d.where}`);
  // --dump DIR: each differing cell's output and diagnostics from both builds, to diff.
  if (arg("--dump")) {
    fs.mkdirSync(arg("--dump"), { recursive: true });
    for (const d of differ) {
      const t = last.this.results.find((r) => r.where === d.where);
      for (const [label, r] of [["base", d], ["this", t]]) fs.writeFileSync(path.join(arg("--dump"), `${d.where.replace(/[^\w.]+/g, "_")}.${label}`), `${r?.output}\n${r?.diagnostics.join("\n")}\n`);
    }
  }
  if (differ.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
