#!/usr/bin/env node
/**
 * Kernel start (issue 12): where the type checker's part of a start goes, in process CPU time.
 * Each run is a fresh process that does what a kernel start does on its main thread after the
 * sockets (compile caches on, declarations read ahead, library loaded, compiler required), then
 * times the declarations' parse (Session.prepare), the prelude's compile and run, the first cell
 * (total: these three), and a next cell that uses Node's globals (console, process). The parse is
 * also split by where the files come from: TypeScript's lib files, @types/node (with undici-types,
 * which it imports), torchlab's own .d.ts, tfjs-core, summed over the whole run (the Node cell's
 * rebuild included). A file is charged the CPU from its read to the next read, within the
 * compiler's program construction (its parse and its imports' resolution).
 *
 *   npm run build && node bench/declaration_parse.js [--runs N] [--variants default,no-node] [--json]
 *
 * Variants, alternated run by run so that machine load hits each alike:
 *   default  what a kernel reads now (pruned @types/node, pruned tfjs-core, documentation deferred)
 *   no-node  @types/node left out altogether (`types: []`, and torchlab's `/// <reference types="node" />`
 *            blanked): what a start would save if Node's declarations were read only when a cell
 *            needs them. Not a usable setting: torchlab's declarations then have unresolved `Buffer`,
 *            `process` and `util` types (hidden by skipLibCheck), and cells lose `console` & co. Its
 *            Node cell runs after the converters are rebuilt with @types/node (the way the kernel
 *            rebuilds them today for a cell that needs more declarations): what the first cell
 *            using Node would pay if the start left Node's declarations out and caught up that way.
 * Timings only: nothing here asserts.
 */
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");
const os = require("os");

const ROOT = path.join(__dirname, "..");
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const FIRST_CELL = "const x = torch.ones(2, 3); x.sum()";
const NODE_CELL = "console.log(x.shape); process.memoryUsage().rss > 0";
const NODE_REFERENCE = /\/\/\/ <reference types="node" \/>/g;

function group(file) {
  if (/[\\/](@types[\\/]node|undici-types)[\\/]/.test(file)) return "@types/node";
  if (/[\\/]lib\.[\w.]*\.d\.ts$/.test(file)) return "TypeScript libs";
  if (file.startsWith(path.join(ROOT, "dist", "src"))) return "torchlab";
  if (/[\\/]@tensorflow[\\/]/.test(file)) return "tfjs";
  return "other";
}

/** One run, in this process: prints a JSON line. */
async function child(asked) {
  let variant = asked;
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const { enableCompileCache, saveCompileCaches } = require(path.join(ROOT, "dist", "kernel", "compile_cache.js"));
  enableCompileCache();
  const resolve = require(path.join(ROOT, "dist", "kernel", "resolve.js"));
  require(path.join(ROOT, "dist", "kernel", "preload.js")).startPreload(resolve.packageRoot());
  const { torch } = require(path.join(ROOT, "dist", "src", "index.js"));
  torch.ready().catch(() => undefined);
  // The compiler hooks the kernel installs, then ours around them (the same way: a Proxy in the
  // require cache, seen by tslab's converter when the Session loads it).
  resolve.installTorchlabResolution();
  const tsPath = resolve.tslabTypeScriptPath();
  const hooked = require.cache[tsPath].exports;
  const byGroup = {};
  let current = null;
  let since = 0;
  const charge = () => {
    if (current === null) return;
    const g = group(current);
    byGroup[g] = (byGroup[g] ?? 0) + cpu() - since;
    current = null;
  };
  const createHost = (...args) => {
    if (variant === "no-node") args[1] = { ...args[1], types: [] };
    const host = hooked.createWatchCompilerHost(...args);
    const read = host.readFile.bind(host);
    host.readFile = (file, encoding) => {
      charge();
      let text = read(file, encoding);
      if (text !== undefined && variant === "no-node" && group(file) === "torchlab") text = text.replace(NODE_REFERENCE, (m) => " ".repeat(m.length));
      if (text !== undefined && file.endsWith(".d.ts")) {
        current = file;
        since = cpu();
      }
      return text;
    };
    const createProgram = host.createProgram;
    host.createProgram = (...programArgs) => {
      try {
        return createProgram(...programArgs);
      } finally {
        charge();
      }
    };
    return host;
  };
  require.cache[tsPath].exports = new Proxy(hooked, { get: (target, key, receiver) => (key === "createWatchCompilerHost" ? createHost : Reflect.get(target, key, receiver)) });
  const { Session } = require(path.join(ROOT, "dist", "kernel", "session.js"));
  const { runPrelude } = require(path.join(ROOT, "dist", "kernel", "prelude.js"));
  const session = new Session(process.cwd(), null);
  const t0 = cpu();
  session.prepare();
  const t1 = cpu();
  const prelude = await runPrelude(session);
  const t2 = cpu();
  const first = await session.execute(FIRST_CELL);
  const t3 = cpu();
  if (!prelude.ok || first.status !== "ok") throw new Error(`prelude: ${prelude.summary}; first cell: ${JSON.stringify(first)}`);
  // A cell that needs Node's declarations. Under no-node, the converters are first rebuilt with
  // them, as the kernel rebuilds them for a cell that needs the whole @types/node or tfjs-core.
  if (variant === "no-node") {
    variant = "default";
    session.resetConverters();
  }
  const t4 = cpu();
  const node = await session.execute(NODE_CELL);
  const t5 = cpu();
  if (node.status !== "ok") throw new Error(`node cell: ${JSON.stringify(node)}`);
  saveCompileCaches();
  const round = (x) => Math.round(x);
  process.stdout.write(`${JSON.stringify({ declarations: round(t1 - t0), prelude: round(t2 - t1), first_cell: round(t3 - t2), total: round(t3 - t0), node_cell: round(t5 - t4), parse: Object.fromEntries(Object.entries(byGroup).map(([k, v]) => [k, round(v)])) })}\n`);
  process.exit(0);
}

function main() {
  const runs = Number(arg("--runs", "4"));
  const variants = arg("--variants", "default,no-node").split(",");
  const { KERNEL_V8_FLAGS } = require(path.join(ROOT, "dist", "kernel", "node_args.js"));
  const results = Object.fromEntries(variants.map((v) => [v, []]));
  const load = [os.loadavg()[0]];
  // A first, untimed run of each writes the compile caches a kernel start would find.
  for (let i = -1; i < runs; i++) {
    for (const variant of variants) {
      const out = spawnSync(process.execPath, [...KERNEL_V8_FLAGS, __filename, "--child", variant], { cwd: os.tmpdir(), encoding: "utf8" });
      const line = out.stdout.split("\n").find((l) => l.startsWith("{"));
      if (out.status !== 0 || line === undefined) throw new Error(`run failed (${variant}):\n${out.stderr}`);
      if (i >= 0) results[variant].push(JSON.parse(line));
    }
  }
  load.push(os.loadavg()[0]);
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(results));
    return;
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const groups = [...new Set(Object.values(results).flat().flatMap((r) => Object.keys(r.parse)))].sort();
  const header = ["variant", "declarations", "prelude", "first cell", "total", "next cell using Node", ...groups.map((g) => `parse: ${g}`)];
  const rows = variants.map((v) => {
    const rs = results[v];
    return [v, ...["declarations", "prelude", "first_cell", "total", "node_cell"].map((k) => String(median(rs.map((r) => r[k])))), ...groups.map((g) => String(median(rs.map((r) => r.parse[g] ?? 0))))];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  for (const [i, r] of [header, ...rows].entries()) {
    console.log(r.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
  console.log(`# CPU ms, median of ${runs} alternating runs; load average ${load.map((x) => x.toFixed(2)).join(" -> ")} on ${os.cpus().length} cores`);
}

if (process.argv[2] === "--child") {
  child(process.argv[3]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main();
}
